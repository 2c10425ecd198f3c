import { useMemo } from 'react';
import { Card, Table } from 'antd';
import { INDICATORS, NO_VALUE } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import {
  useIndicatorFigures,
  type DashboardFilter,
  type DashboardGroupBy,
  type FigureRow,
} from '../api';
import { formatFigure } from '../dashboard-format';
import { DownloadButton } from './download-button';
import { EChart, type ChartOption } from './echart';

export const RANKING_IDS = ['handleOnTimeRate', 'closeInTimeRate'] as const;
/** Asked for too: a group appears only where some asked figure has facts, and 立案数 says how much lies behind. */
const FETCH_IDS = ['registeredCount', ...RANKING_IDS] as const;

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 10;

/**
 * On-time rates of the groups (departments, or the streets/communities under the area) as bars, ranked by the
 * 综合指标值, with the rank table under them. A rate without a value is a gap in the bars and "—" in the table.
 */
export function RankingSection({
  filter,
  groupBy,
  title,
  testId,
}: {
  filter: DashboardFilter;
  groupBy: DashboardGroupBy;
  title: string;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const q = useIndicatorFigures(filter, groupBy, FETCH_IDS);
  const rows = useMemo(() => q.data?.rows ?? [], [q.data]);
  const nameOf = (r: FigureRow) => r.name ?? r.key ?? NO_VALUE;

  const option = useMemo<ChartOption>(() => {
    const shown = [...rows].reverse(); // first rank on top: a category axis draws from the bottom
    return {
      animation: false,
      title:
        rows.length === 0
          ? {
              text: t('dashboard.noData'),
              left: 'center',
              top: 'middle',
              textStyle: { color: '#999', fontSize: 13, fontWeight: 'normal' },
            }
          : undefined,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v == null ? NO_VALUE : `${v}%`),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: shown.map(nameOf),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: RANKING_IDS.map((id, i) => ({
        name: INDICATORS[id][lang],
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: i === 0 ? '#1677ff' : '#52c41a' },
        label: { show: true, position: 'right', formatter: '{c}%', fontSize: 11 },
        data: shown.map((r) => pct(r.figures[id]?.value)),
      })),
    };
  }, [rows, lang, t]);

  return (
    <Card
      size="small"
      title={title}
      className="dashboard-section"
      data-testid={testId}
      extra={
        <DownloadButton
          filter={filter}
          groupBy={groupBy}
          ids={FETCH_IDS}
          testId={`${testId}-download`}
        />
      }
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <EChart
        option={option}
        height={Math.max(160, 40 + rows.length * 36)}
        testId={`${testId}-chart`}
      />
      <Table<FigureRow>
        size="small"
        rowKey={(r) => r.key ?? ''}
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={`${testId}-table`}
        columns={[
          {
            title: t('dashboard.rank'),
            key: 'rank',
            render: (_: unknown, r) => r.rank ?? NO_VALUE,
          },
          { title: t('dashboard.name'), key: 'name', render: (_: unknown, r) => nameOf(r) },
          ...FETCH_IDS.map((id) => ({
            title: INDICATORS[id][lang],
            key: id,
            render: (_: unknown, r: FigureRow) => formatFigure(id, r.figures[id]?.value),
          })),
          {
            title: t('dashboard.score'),
            key: 'score',
            render: (_: unknown, r) =>
              r.score?.value === null || r.score?.value === undefined
                ? NO_VALUE
                : r.score.value.toFixed(2),
          },
          {
            title: t('dashboard.grade'),
            key: 'grade',
            render: (_: unknown, r) => r.score?.grade ?? NO_VALUE,
          },
        ]}
      />
    </Card>
  );
}
