import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import type { CaseView } from '@wangge/shared';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-media-query';
import { useAreaNames, useCategoryNames } from '../lookups-api';
import { CaseDue, CaseLights, CaseStateTag } from './case-badges';

interface CaseListProps {
  items: CaseView[];
  loading: boolean;
  onOpen: (id: string) => void;
  testId?: string;
}

function useNames() {
  const categories = useCategoryNames();
  const areas = useAreaNames();
  return {
    category: (code: string | null) => (code ? (categories.get(code) ?? code) : null),
    grid: (code: string) => areas.get(code) ?? code,
  };
}

/** Cases in the server's order (most urgent first): a table on desktop, cards on phones. */
export function CaseList({ items, loading, onOpen, testId = 'queue-table' }: CaseListProps) {
  const isMobile = useIsMobile();
  return isMobile ? (
    <CaseCards items={items} loading={loading} onOpen={onOpen} testId={testId} />
  ) : (
    <CaseTable items={items} loading={loading} onOpen={onOpen} testId={testId} />
  );
}

function CaseTable({ items, loading, onOpen, testId }: CaseListProps) {
  const { t, lang } = useI18n();
  const names = useNames();
  return (
    <Table<CaseView>
      size="middle"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      // The columns' widths add up to 1180 px: the table fits a 1440 px screen beside the menu, and scrolls
      // sideways (case number fixed on the left) only on narrower desktops; phones get cards.
      scroll={{ x: 1180 }}
      tableLayout="fixed"
      data-testid={testId}
      rowClassName="case-row"
      onRow={(row) => ({ onClick: () => onOpen(row.id), 'data-case-id': row.id })}
      columns={[
        {
          title: t('cases.caseNo'),
          dataIndex: 'caseNo',
          width: 190,
          fixed: 'start',
          render: (v: string, row) => (
            <Space size={4}>
              <span className="area-code">{v}</span>
              {row.urgent ? (
                <FireOutlined style={{ color: '#f5222d' }} title={t('report.urgent')} />
              ) : null}
            </Space>
          ),
        },
        {
          title: t('cases.state'),
          dataIndex: 'state',
          width: 110,
          render: (v: string) => <CaseStateTag state={v} />,
        },
        {
          title: t('cases.category'),
          dataIndex: 'classCode',
          width: 130,
          ellipsis: true,
          render: (v: string | null) =>
            names.category(v) ?? <span className="case-muted">{t('cases.unclassified')}</span>,
        },
        {
          title: t('cases.grid'),
          dataIndex: 'gridCode',
          width: 130,
          ellipsis: true,
          render: (v: string) => <span title={v}>{names.grid(v)}</span>,
        },
        { title: t('cases.address'), dataIndex: 'address', ellipsis: true },
        {
          title: t('cases.lights'),
          key: 'lights',
          width: 170,
          render: (_v, row) => <CaseLights view={row} />,
        },
        {
          title: t('cases.due'),
          dataIndex: 'dueAt',
          width: 150,
          render: (v: string | null) => <CaseDue dueAt={v} />,
        },
        {
          title: t('cases.reportedAt'),
          dataIndex: 'createdAt',
          width: 150,
          render: (v: string) => formatDateTime(v, lang),
        },
      ]}
    />
  );
}

function CaseCards({ items, loading, onOpen, testId }: CaseListProps) {
  const { t } = useI18n();
  const names = useNames();
  if (!loading && items.length === 0)
    return <Empty data-testid={testId} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List<CaseView>
      loading={loading}
      dataSource={items}
      data-testid={testId}
      split={false}
      renderItem={(row) => (
        <Card
          size="small"
          className="case-card"
          hoverable
          onClick={() => onOpen(row.id)}
          data-case-id={row.id}
          title={
            <Space size={6}>
              <CaseStateTag state={row.state} />
              <span className="area-code case-card__no">{row.caseNo}</span>
            </Space>
          }
          extra={row.urgent ? <Tag color="red">{t('report.urgent')}</Tag> : null}
        >
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 6 }}>
            {row.description}
          </Typography.Paragraph>
          <div className="case-card__meta">
            <span>{names.category(row.classCode) ?? t('cases.unclassified')}</span>
            <span>{names.grid(row.gridCode)}</span>
          </div>
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {row.address}
          </Typography.Text>
          <div className="case-card__foot">
            <CaseLights view={row} />
            <CaseDue dueAt={row.dueAt} />
          </div>
        </Card>
      )}
    />
  );
}
