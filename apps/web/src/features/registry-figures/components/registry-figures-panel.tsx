import { useMemo, useState } from 'react';
import { Alert, Card, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import {
  FIGURE_SECTIONS,
  FIGURE_SECTION_LABELS,
  figureColumns,
  type FigureColumn,
  type FigureGroupBy,
  type FigureSection,
  type FigureVisitState,
  type RegistryFigures,
} from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useRegistryFigures, type FiguresFilter } from '../api';
import { VisitsDrawer } from './visits-drawer';

/** Always shown, even at zero; a type or a status column only when some area has one. */
const MAIN_KEYS = new Set([
  'total',
  'rentals',
  'keyUnits',
  'places',
  'members',
  'due',
  'done',
  'overdue',
  'recorded',
]);
const DRILL_STATES: readonly string[] = ['due', 'done', 'overdue'];

interface Row {
  key: string;
  areaCode: string | null;
  areaName: string;
  figures: RegistryFigures;
  isTotal: boolean;
}

export interface RegistryFiguresPanelProps {
  /** Null: the viewer's whole scope. */
  areaCode: string | null;
  /** A period key (2026-12, 2026-Q4 …); null: this month. */
  period: string | null;
  groupBy?: FigureGroupBy;
  /** Which blocks to show (the leader dashboard may pick a few); all by default. */
  sections?: readonly FigureSection[];
}

/**
 * 登记与关怀 figures as one small table per register: a row per area of the grouping and a total row. A visit count
 * opens the visit tasks behind it. Reusable on the leader dashboard (areaCode and period from there).
 */
export function RegistryFiguresPanel({
  areaCode,
  period,
  groupBy = 'none',
  sections = FIGURE_SECTIONS,
}: RegistryFiguresPanelProps) {
  const { t, lang } = useI18n();
  const filter: FiguresFilter = { areaCode, period };
  const q = useRegistryFigures(filter, groupBy);
  const [drill, setDrill] = useState<{ state: FigureVisitState; areaCode: string | null } | null>(
    null,
  );
  const data = q.data;
  const rows = useMemo<Row[]>(() => {
    if (!data) return [];
    const out: Row[] = data.rows.map((r) => ({
      key: r.areaCode ?? '-',
      areaCode: r.areaCode,
      areaName: r.areaName ?? (r.areaCode ? r.areaCode : t('figures.noGrid')),
      figures: r.figures,
      isTotal: false,
    }));
    if (data.groupBy !== 'none')
      out.push({
        key: 'total',
        areaCode: data.areaCode,
        areaName: t('figures.total'),
        figures: data.totals,
        isTotal: true,
      });
    return out;
  }, [data, t]);

  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!data) return <Skeleton active />;
  const cols = figureColumns(data.totals.special?.byGroup ?? []);
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);

  const sectionColumns = (section: FigureSection, list: FigureColumn[]): TableColumnsType<Row> => [
    {
      title: t('figures.area'),
      dataIndex: 'areaName',
      key: 'area',
      fixed: 'left',
      width: 130,
      render: (name: string, r) => (r.isTotal ? <strong>{name}</strong> : name),
    },
    ...list.map((c) => ({
      title: label(c.label),
      key: c.key,
      align: 'right' as const,
      width: 96,
      render: (_: unknown, r: Row) => {
        const v = c.value(r.figures);
        const text = v === null ? '—' : v;
        const drillable =
          section === 'visits' && DRILL_STATES.includes(c.key) && v !== null && v > 0;
        if (!drillable || (!r.isTotal && r.areaCode === null))
          return (
            <span data-testid={`fig-${section}-${c.key}`} data-area={r.areaCode ?? ''}>
              {text}
            </span>
          );
        return (
          <Typography.Link
            data-testid={`fig-${section}-${c.key}`}
            data-area={r.areaCode ?? ''}
            onClick={() => setDrill({ state: c.key as FigureVisitState, areaCode: r.areaCode })}
          >
            {text}
          </Typography.Link>
        );
      },
    })),
  ];

  return (
    <div className="registry-figures" data-testid="registry-figures">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('figures.hint')}
      </Typography.Paragraph>
      {sections.map((section) => {
        if (data.totals[section] === null)
          return (
            <Card key={section} size="small" title={label(FIGURE_SECTION_LABELS[section])}>
              <Alert type="info" showIcon message={t('figures.noAccess')} />
            </Card>
          );
        const list = cols.filter(
          (c) =>
            c.section === section &&
            (MAIN_KEYS.has(c.key) || section === 'special' || (c.value(data.totals) ?? 0) > 0),
        );
        return (
          <Card
            key={section}
            size="small"
            title={label(FIGURE_SECTION_LABELS[section])}
            style={{ marginBottom: 12 }}
            data-testid={`figures-section-${section}`}
          >
            <Table<Row>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              columns={sectionColumns(section, list)}
              scroll={{ x: 'max-content' }}
              rowClassName={(r) => (r.isTotal ? 'registry-figures__total' : '')}
            />
          </Card>
        );
      })}
      <VisitsDrawer
        filter={{ areaCode: drill?.areaCode ?? areaCode, period }}
        state={drill?.state ?? null}
        assigneeId={null}
        onClose={() => setDrill(null)}
      />
    </div>
  );
}
