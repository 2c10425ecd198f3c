import { useState, type HTMLAttributes } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Pagination,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { casePath } from '../../../app/paths';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, useI18n, type MessageKey } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useDeliveries, useRedeliver, type Delivery, type DeliveryStatus } from '../api';
import '../hotline.css';

const STATUSES: DeliveryStatus[] = ['pending', 'delivering', 'delivered', 'dead'];
const STATUS_COLOUR: Record<DeliveryStatus, string> = {
  pending: 'gold',
  delivering: 'blue',
  delivered: 'green',
  dead: 'red',
};
const PAGE = 50;

function StatusTag({ d }: { d: Delivery }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOUR[d.status]} data-testid="hotline-status">
      {t(`hotline.status.${d.status}` as MessageKey)}
    </Tag>
  );
}

function KindTag({ d }: { d: Delivery }) {
  const { t } = useI18n();
  return <Tag>{t(`hotline.kind.${d.kind}` as MessageKey)}</Tag>;
}

function Redeliver({ d }: { d: Delivery }) {
  const { t } = useI18n();
  const redeliver = useRedeliver();
  return (
    <Popconfirm
      title={t('hotline.redeliverConfirm')}
      onConfirm={() =>
        redeliver.mutate(d.id, {
          onSuccess: () => notifySuccess(t('hotline.redelivered')),
          onError: (err) => notifyError(err.message),
        })
      }
    >
      <Button
        size="small"
        icon={<RedoOutlined />}
        disabled={d.status === 'delivering'}
        loading={redeliver.isPending}
        data-testid="hotline-redeliver"
      >
        {t('hotline.redeliver')}
      </Button>
    </Popconfirm>
  );
}

function Payload({ d }: { d: Delivery }) {
  return <pre className="hotline-payload">{JSON.stringify(d.payload, null, 2)}</pre>;
}

/** When the row goes next, or when it arrived. */
function Timing({ d }: { d: Delivery }) {
  const { t, lang } = useI18n();
  if (d.deliveredAt && d.status === 'delivered')
    return <>{t('hotline.deliveredAt', { at: formatDateTime(d.deliveredAt, lang) })}</>;
  // Never tried yet: due now, or waiting behind an earlier message of the same order.
  if (d.status === 'pending' && d.attempts === 0)
    return <span title={t('hotline.queuedHint')}>{t('hotline.queued')}</span>;
  return <>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, lang) : '—'}</>;
}

/** On a phone each delivery is a card; the body sent is behind a fold. */
function DeliveryCards({ items, loading }: { items: Delivery[]; loading: boolean }) {
  const { t, lang } = useI18n();
  if (loading) return <Skeleton active />;
  if (items.length === 0) return <Empty description={t('hotline.empty')} />;
  return (
    <div className="hotline-cards" data-testid="hotline-table">
      {items.map((d) => (
        <Card key={d.id} size="small" data-delivery-id={d.id}>
          <div className="hotline-card__title">
            <strong>{d.orderId}</strong>
            <KindTag d={d} />
            <StatusTag d={d} />
          </div>
          <Link to={casePath(d.caseId)}>{d.caseNo}</Link>
          <Typography.Text type="secondary">
            {formatDateTime(d.createdAt, lang)} · {t('hotline.col.attempts')} {d.attempts} ·{' '}
            <Timing d={d} />
          </Typography.Text>
          {d.lastError ? <span className="hotline-error">{d.lastError}</span> : null}
          <details>
            <summary>{t('hotline.payload')}</summary>
            <Payload d={d} />
          </details>
          <div>
            <Redeliver d={d} />
          </div>
        </Card>
      ))}
    </div>
  );
}

/**
 * 12345 回传记录 (administrators): every message sent to the hotline centre — 接单, 退回, 办理进度, 回单 — with its
 * status, attempts and last error; a message may be sent again by hand.
 */
export function HotlineDeliveriesPage() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [orderId, setOrderId] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useDeliveries({ status, orderId: orderId.trim(), offset });
  const narrow = useMediaQuery('(max-width: 767px)');
  const configured = list.data?.configured;
  const items = list.data?.items ?? [];
  return (
    <PageContainer title={t('hotline.title')}>
      {configured ? (
        configured.url && configured.secretSet ? (
          <Typography.Paragraph className="hotline-centre" data-testid="hotline-centre">
            {t('hotline.centre')}: <Typography.Text code>{configured.url}</Typography.Text>{' '}
            <Tag color="green">{t('hotline.secretSet')}</Tag>
          </Typography.Paragraph>
        ) : (
          <Alert
            className="hotline-centre"
            type="warning"
            showIcon
            message={t('hotline.notConfigured')}
            data-testid="hotline-centre"
          />
        )
      ) : null}
      <div className="hotline-filters">
        <Select<DeliveryStatus | 'all'>
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? null : v);
            setOffset(0);
          }}
          aria-label={t('hotline.filter.status')}
          className="hotline-filters__status"
          data-testid="hotline-filter-status"
          options={[
            { value: 'all', label: t('hotline.filter.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`hotline.status.${s}` as MessageKey) })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('hotline.filter.order')}
          aria-label={t('hotline.filter.order')}
          className="hotline-filters__order"
          onSearch={(v) => {
            setOrderId(v);
            setOffset(0);
          }}
          data-testid="hotline-filter-order"
        />
        {list.data ? (
          <Typography.Text type="secondary">
            {t('hotline.total', { n: list.data.total })}
          </Typography.Text>
        ) : null}
      </div>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : narrow ? (
        <DeliveryCards items={items} loading={list.isPending} />
      ) : (
        <Table<Delivery>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('hotline.empty') }}
          data-testid="hotline-table"
          onRow={(d) => ({ 'data-delivery-id': d.id }) as HTMLAttributes<HTMLElement>}
          expandable={{ expandedRowRender: (d) => <Payload d={d} /> }}
          columns={[
            {
              key: 'createdAt',
              title: t('hotline.col.createdAt'),
              render: (_, d) => formatDateTime(d.createdAt, lang),
            },
            { key: 'order', title: t('hotline.col.order'), dataIndex: 'orderId' },
            {
              key: 'case',
              title: t('hotline.col.case'),
              render: (_, d) => <Link to={casePath(d.caseId)}>{d.caseNo}</Link>,
            },
            { key: 'kind', title: t('hotline.col.kind'), render: (_, d) => <KindTag d={d} /> },
            {
              key: 'status',
              title: t('hotline.col.status'),
              render: (_, d) => <StatusTag d={d} />,
            },
            {
              key: 'attempts',
              title: t('hotline.col.attempts'),
              dataIndex: 'attempts',
              align: 'right',
            },
            {
              key: 'error',
              title: t('hotline.col.error'),
              width: 240,
              render: (_, d) =>
                d.lastError ? <span className="hotline-error">{d.lastError}</span> : '—',
            },
            { key: 'next', title: t('hotline.col.next'), render: (_, d) => <Timing d={d} /> },
            {
              key: 'actions',
              title: t('hotline.col.actions'),
              fixed: 'right',
              render: (_, d) => <Redeliver d={d} />,
            },
          ]}
        />
      )}
      {list.data && list.data.total > PAGE ? (
        <Pagination
          style={{ marginTop: 12 }}
          current={Math.floor(offset / PAGE) + 1}
          pageSize={PAGE}
          total={list.data.total}
          showSizeChanger={false}
          onChange={(p) => setOffset((p - 1) * PAGE)}
        />
      ) : null}
    </PageContainer>
  );
}
