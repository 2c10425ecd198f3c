import { useState } from 'react';
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

const PAGE_SIZE = 50;

/**
 * The cases behind a headline figure: as many rows as the figure (the server counts and lists with one filter), a page
 * of 50 at a time however large the figure.
 */
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
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(target);
  if (shown !== target) {
    // Another figure opens on its first page.
    setShown(target);
    setPage(1);
  }
  const q = useIndicatorDrill(filter, target, page, PAGE_SIZE);
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
        </Typography.Paragraph>
      ) : null}
      <Table<Item>
        size="small"
        rowKey={(r) => `${r.caseId}:${r.seq}`}
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          simple: phone,
          onChange: setPage,
        }}
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
