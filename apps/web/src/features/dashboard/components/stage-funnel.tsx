import { useMemo } from 'react';
import { Card } from 'antd';
import type { IndicatorId } from '@wangge/shared';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import type { DashboardFilter, FigureRow } from '../api';
import { DownloadButton } from './download-button';
import { EChart, type ChartOption } from './echart';

/** The indicators the funnel asks for. 处置: handledCount is a department figure; for an area the cohort of
 * handleOnTimeRate (the tasks that fell due) stands in when handledCount is not there. */
export const FUNNEL_IDS = [
  'reportCount',
  'registeredCount',
  'dispatchDue',
  'handledCount',
  'handleOnTimeRate',
  'closedCount',
] as const satisfies readonly IndicatorId[];

const STAGES: { key: MessageKey; value: (r: FigureRow) => number }[] = [
  { key: 'dashboard.stage.report', value: (r) => r.figures.reportCount?.n ?? 0 },
  { key: 'dashboard.stage.register', value: (r) => r.figures.registeredCount?.n ?? 0 },
  { key: 'dashboard.stage.dispatch', value: (r) => r.figures.dispatchDue?.n ?? 0 },
  {
    key: 'dashboard.stage.handle',
    value: (r) => r.figures.handledCount?.n ?? r.figures.handleOnTimeRate?.n ?? 0,
  },
  { key: 'dashboard.stage.close', value: (r) => r.figures.closedCount?.n ?? 0 },
];

/** 上报 → 立案 → 派遣 → 处置 → 结案 of the period, as a funnel in stage order (not sorted by size). */
export function StageFunnel({
  row,
  filter,
}: {
  row: FigureRow | undefined;
  filter: DashboardFilter;
}) {
  const { t } = useI18n();
  const data = useMemo(
    () => STAGES.map((s) => ({ name: t(s.key), value: row ? s.value(row) : 0 })),
    [row, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          top: 8,
          bottom: 8,
          minSize: '20%',
          max: Math.max(1, ...data.map((d) => d.value)),
          label: { show: true, position: 'inside', formatter: '{b} {c}' },
          data,
        },
      ],
    }),
    [data],
  );
  return (
    <Card
      size="small"
      title={t('dashboard.funnel')}
      className="dashboard-section"
      data-testid="dashboard-funnel"
      extra={
        <DownloadButton
          filter={filter}
          groupBy="none"
          ids={FUNNEL_IDS}
          testId="dashboard-funnel-download"
        />
      }
    >
      <EChart option={option} height={260} testId="dashboard-funnel-chart" />
    </Card>
  );
}
