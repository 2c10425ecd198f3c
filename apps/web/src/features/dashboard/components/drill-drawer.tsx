import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { INDICATORS } from '@wangge/shared';
import { QueryError } from '../../../components/query-error';
import { isoDateTime } from '../../../lib/date-format';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { stateLabel } from '../../cases/case-format';
import { useIndicatorDrill, type DashboardFilter, type DrillData, type DrillTarget } from '../api';

type Item = DrillData['items'][number];

/** The cases behind a headline figure: as many rows as the figure (the server counts and lists with one filter). */
export function DrillDrawer({
  filter,
  target,
  onClose,
}: {
  filter: DashboardFilter;
  target: DrillTarget | null;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const phone = useMediaQuery('(max-width: 575px)');
  const q = useIndicatorDrill(filter, target);
  const name = target ? INDICATORS[target.id][lang] : '';
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      width={phone ? '100%' : 720}
      title={t('dashboard.drillTitle', { name })}
      destroyOnHidden
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <Typography.Paragraph data-testid="dashboard-drill-total">
          {t('dashboard.drillCount', { n: q.data.total })}
          {q.data.items.length < q.data.total
            ? ` · ${t('dashboard.drillTruncated', { n: q.data.items.length })}`
            : ''}
        </Typography.Paragraph>
      ) : null}
      <Table<Item>
        size="small"
        rowKey={(r) => `${r.caseId}:${r.seq}`}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        virtual={false}
        scroll={{ x: 'max-content' }}
        data-testid="dashboard-drill-list"
        columns={[
          {
            title: t('dashboard.caseNo'),
            key: 'no',
            render: (_: unknown, r: Item) => (
              <Link to={`/cases/${r.caseId}`}>{r.caseNo ?? r.caseId}</Link>
            ),
          },
          {
            title: t('dashboard.at'),
            key: 'at',
            render: (_: unknown, r: Item) => isoDateTime(r.at),
          },
          {
            title: t('dashboard.state'),
            key: 'state',
            render: (_: unknown, r: Item) => stateLabel(r.state, lang),
          },
          { title: t('dashboard.address'), dataIndex: 'address', key: 'address' },
        ]}
      />
    </Drawer>
  );
}
