import { Drawer, Table, Tag, Typography } from 'antd';
import type { FigureVisitState } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useI18n } from '../../../lib/i18n';
import { useFigureVisits, type FigureVisitsData, type FiguresFilter } from '../api';

type Task = FigureVisitsData['items'][number];

/**
 * The visit tasks behind a figure: what the visits list shows (masked name, grid, due date, assignee), no more.
 * Its count is the figure's, by construction on the server (one filter for both).
 */
export function VisitsDrawer({
  filter,
  state,
  assigneeId,
  onClose,
}: {
  filter: FiguresFilter;
  state: FigureVisitState | null;
  assigneeId: string | null;
  onClose(): void;
}) {
  const { t } = useI18n();
  const phone = useMediaQuery('(max-width: 575px)');
  const q = useFigureVisits(filter, state, assigneeId);
  return (
    <Drawer
      open={state !== null}
      onClose={onClose}
      width={phone ? '100%' : 640}
      title={state ? t('figures.drillTitle', { state: t(`figures.drill.${state}`) }) : ''}
      destroyOnHidden
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <Typography.Paragraph data-testid="figures-drill-total">
          {t('figures.drillCount', { n: q.data.total })}
        </Typography.Paragraph>
      ) : null}
      <Table<Task>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="figures-drill-list"
        columns={[
          { title: t('figures.dueDate'), dataIndex: 'dueDate', key: 'due' },
          { title: t('figures.person'), dataIndex: 'personName', key: 'person' },
          { title: t('figures.grid'), dataIndex: 'gridName', key: 'grid' },
          { title: t('figures.assignee'), dataIndex: 'assigneeName', key: 'assignee' },
          {
            title: t('figures.status'),
            key: 'status',
            render: (_: unknown, r: Task) => (
              <Tag color={r.overdue ? 'red' : r.status === 'done' ? 'green' : 'blue'}>
                {t(`figures.status.${r.status}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
