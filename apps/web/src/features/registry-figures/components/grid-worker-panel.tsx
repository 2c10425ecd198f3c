import { useState } from 'react';
import { Card, Skeleton, Table, Typography } from 'antd';
import { GRID_ROLE_LABELS, type GridRole } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useGridWorkerFigures, type GridWorkerFiguresData, type FiguresFilter } from '../api';
import { VisitsDrawer } from './visits-drawer';

type Worker = GridWorkerFiguresData['workers'][number];
type Grid = GridWorkerFiguresData['grids'][number];

const num = (v: number | null) => (v === null ? '—' : v);

/**
 * 网格员工作量: per grid worker and per grid, what was done in the period. Names only, never phones. An overdue
 * count opens the visit tasks behind it. Reusable on the leader dashboard.
 */
export function GridWorkerPanel({ areaCode, period }: FiguresFilter) {
  const { t, lang } = useI18n();
  const q = useGridWorkerFigures({ areaCode, period });
  const [drill, setDrill] = useState<{ assigneeId: string | null; areaCode: string | null } | null>(
    null,
  );
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const role = (r: string) => {
    const l = GRID_ROLE_LABELS[r as GridRole];
    return l ? (lang === 'en' ? l.en : l.zh) : r;
  };
  const overdueLink = (
    v: number | null,
    target: { assigneeId: string | null; areaCode: string | null },
    id: string,
  ) =>
    v ? (
      <Typography.Link
        data-testid="fig-worker-overdue"
        data-id={id}
        onClick={() => setDrill(target)}
      >
        {v}
      </Typography.Link>
    ) : (
      <span data-testid="fig-worker-overdue" data-id={id}>
        {num(v)}
      </span>
    );
  const activity = <T extends Worker | Grid>(
    target: (r: T) => { assigneeId: string | null; areaCode: string | null },
    id: (r: T) => string,
  ) => [
    {
      title: t('figures.reports'),
      key: 'reports',
      align: 'right' as const,
      render: (_: unknown, r: T) => num(r.reports),
    },
    {
      title: t('figures.visitsDone'),
      key: 'visitsDone',
      align: 'right' as const,
      render: (_: unknown, r: T) => num(r.visitsDone),
    },
    {
      title: t('figures.visitsOverdue'),
      key: 'visitsOverdue',
      align: 'right' as const,
      render: (_: unknown, r: T) => overdueLink(r.visitsOverdue, target(r), id(r)),
    },
    {
      title: t('figures.residentFiles'),
      key: 'files',
      align: 'right' as const,
      render: (_: unknown, r: T) => num(r.residentFiles),
    },
    {
      title: t('figures.inspections'),
      key: 'inspections',
      align: 'right' as const,
      render: (_: unknown, r: T) => num(r.inspections),
    },
  ];
  return (
    <div data-testid="grid-workers">
      <Card size="small" title={t('figures.byWorker')} style={{ marginBottom: 12 }}>
        <Table<Worker>
          size="small"
          rowKey="userId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={q.data.workers}
          columns={[
            { title: t('figures.worker'), dataIndex: 'name', key: 'name', fixed: 'left' },
            {
              title: t('figures.posts'),
              key: 'posts',
              render: (_: unknown, w: Worker) =>
                w.posts.map((p) => `${p.gridName ?? p.gridCode} ${role(p.role)}`).join('、'),
            },
            ...activity<Worker>(
              (w) => ({ assigneeId: w.userId, areaCode }),
              (w) => w.userId,
            ),
            ...(q.data.workers.some((w) => w.score !== null)
              ? [
                  {
                    title: <span title={t('figures.scoreHint')}>{t('figures.score')}</span>,
                    key: 'score',
                    align: 'right' as const,
                    render: (_: unknown, w: Worker) => (
                      <span data-testid="fig-worker-score" data-id={w.userId}>
                        {w.score?.value == null
                          ? '—'
                          : `${w.score.value.toFixed(1)}${w.score.grade ? ` · ${w.score.grade}` : ''}`}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('figures.byGrid')}>
        <Table<Grid>
          size="small"
          rowKey="gridCode"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={q.data.grids}
          columns={[
            {
              title: t('figures.grid'),
              key: 'grid',
              fixed: 'left',
              render: (_: unknown, g: Grid) => g.gridName ?? g.gridCode,
            },
            { title: t('figures.staff'), dataIndex: 'staff', key: 'staff', align: 'right' },
            {
              title: t('figures.visitsDue'),
              key: 'visitsDue',
              align: 'right',
              render: (_: unknown, g: Grid) => num(g.visitsDue),
            },
            ...activity<Grid>(
              (g) => ({ assigneeId: null, areaCode: g.gridCode }),
              (g) => g.gridCode,
            ),
          ]}
        />
      </Card>
      <VisitsDrawer
        filter={{ areaCode: drill?.areaCode ?? areaCode, period }}
        state={drill ? 'overdue' : null}
        assigneeId={drill?.assigneeId ?? null}
        onClose={() => setDrill(null)}
      />
    </div>
  );
}
