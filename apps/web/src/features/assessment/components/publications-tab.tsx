import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { ButtonProps } from 'antd';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { isoDateTime } from '../../../lib/date-format';
import { useI18n } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useMe } from '../../auth/api';
import { usePublications, usePublish, type Publication } from '../api';
import { endedMonths } from '../assessment-format';

/** The message of a refusal that names this field, else undefined. */
const fieldError = (error: unknown, field: string) =>
  isApiError(error) && error.field === field ? error.message : undefined;

/**
 * 考核期间: publish an ended month (after a confirmation) and list every published version; the current version of
 * a period can be recomputed with a reason, which makes a new version beside it.
 */
export function PublicationsTab() {
  const { t } = useI18n();
  const me = useMe();
  const narrow = useMediaQuery('(max-width: 767px)');
  const list = usePublications();
  const publish = usePublish();
  const months = useMemo(() => endedMonths(new Date()), []);
  const [month, setMonth] = useState<string>(months[0]!);
  const [recomputing, setRecomputing] = useState<Publication | null>(null);

  const publishError = publish.error && !recomputing ? publish.error : null;
  const periodError = fieldError(publishError, 'period');
  const otherError =
    publishError && !periodError
      ? publishError instanceof Error
        ? publishError.message
        : String(publishError)
      : null;

  const doPublish = () =>
    publish.mutate(
      { period: month },
      {
        onSuccess: (p) =>
          notifySuccess(t('assess.published', { period: p.periodKey, version: p.version })),
      },
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('assess.periodsHint')} />
      <Card size="small">
        <Form layout={narrow ? 'vertical' : 'inline'} data-testid="assess-publish-form">
          <Form.Item
            label={t('assess.publishMonth')}
            validateStatus={periodError ? 'error' : undefined}
            help={periodError}
          >
            <Select
              value={month}
              onChange={(v) => {
                setMonth(v);
                publish.reset();
              }}
              options={months.map((m) => ({ value: m, label: m }))}
              placeholder={t('assess.pickMonth')}
              style={{ width: narrow ? '100%' : 160 }}
              data-testid="assess-publish-month"
            />
          </Form.Item>
          <Form.Item>
            <Popconfirm
              title={t('assess.publishConfirm', { period: month })}
              description={t('assess.publishConfirmBody')}
              okText={t('assess.publish')}
              cancelText={t('assess.cancel')}
              okButtonProps={{ 'data-testid': 'assess-publish-ok' } as ButtonProps}
              onConfirm={doPublish}
            >
              <Button
                type="primary"
                loading={publish.isPending && !recomputing}
                data-testid="assess-publish"
              >
                {t('assess.publish')}
              </Button>
            </Popconfirm>
          </Form.Item>
        </Form>
        {otherError ? (
          <Alert type="error" showIcon title={otherError} style={{ marginTop: 8 }} />
        ) : null}
      </Card>
      <Card size="small">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Publication>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('assess.empty') }}
            pagination={false}
            scroll={narrow ? undefined : { x: 900 }}
            data-testid="assess-publications"
            columns={[
              {
                title: t('assess.period'),
                key: 'period',
                render: (_v, p) => (
                  <div>
                    <strong data-testid="assess-pub-period">{p.periodKey}</strong>{' '}
                    <Tag>{t('assess.versionN', { n: p.version })}</Tag>
                    {narrow ? (
                      <div className="case-muted">
                        {isoDateTime(p.publishedAt)}
                        {p.reason ? ` · ${p.reason}` : ''}
                      </div>
                    ) : null}
                  </div>
                ),
              },
              ...(narrow
                ? []
                : [
                    {
                      title: t('assess.publishedAt'),
                      key: 'at',
                      width: 170,
                      render: (_v: unknown, p: Publication) => isoDateTime(p.publishedAt),
                    },
                    {
                      title: t('assess.publishedBy'),
                      key: 'by',
                      width: 120,
                      render: (_v: unknown, p: Publication) =>
                        p.publishedByName ??
                        (p.publishedBy === me.id ? me.displayName : (p.publishedBy ?? '—')),
                    },
                    {
                      title: t('assess.reason'),
                      key: 'reason',
                      render: (_v: unknown, p: Publication) => (
                        <div style={{ whiteSpace: 'normal' }}>{p.reason ?? '—'}</div>
                      ),
                    },
                    { title: t('assess.facts'), dataIndex: 'factCount', width: 80 },
                  ]),
              {
                title: t('assess.state'),
                key: 'state',
                width: narrow ? 90 : 170,
                render: (_v, p) =>
                  p.current ? (
                    <Tag color="green" data-testid="assess-pub-current">
                      {t('assess.current')}
                    </Tag>
                  ) : (
                    <Tag title={p.supersededAt ? isoDateTime(p.supersededAt) : undefined}>
                      {p.supersededAt && !narrow
                        ? t('assess.supersededAt', { time: isoDateTime(p.supersededAt) })
                        : t('assess.superseded')}
                    </Tag>
                  ),
              },
              {
                title: '',
                key: 'actions',
                width: narrow ? 64 : 80,
                render: (_v, p) =>
                  p.current ? (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        publish.reset();
                        setRecomputing(p);
                      }}
                      data-testid="assess-recompute"
                    >
                      {t('assess.recompute')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      <RecomputeDialog
        target={recomputing}
        onClose={() => {
          setRecomputing(null);
          publish.reset();
        }}
        mutation={publish}
      />
    </Space>
  );
}

function RecomputeDialog({
  target,
  onClose,
  mutation,
}: {
  target: Publication | null;
  onClose: () => void;
  mutation: ReturnType<typeof usePublish>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const period = target?.periodKey ?? '';
  const missing = reason.trim().length === 0;
  const serverReason = fieldError(mutation.error, 'reason');
  const otherError =
    mutation.error && !serverReason
      ? mutation.error instanceof Error
        ? mutation.error.message
        : String(mutation.error)
      : null;
  const close = () => {
    setReason('');
    setTouched(false);
    onClose();
  };
  const submit = () => {
    setTouched(true);
    if (missing) return;
    mutation.mutate(
      { period, reason: reason.trim() },
      {
        onSuccess: (p) => {
          notifySuccess(t('assess.recomputed', { period: p.periodKey, version: p.version }));
          close();
        },
      },
    );
  };
  const reasonError = touched && missing ? t('assess.reasonRequired') : serverReason;
  return (
    <Modal
      open={target !== null}
      title={t('assess.recomputeTitle', { period })}
      okText={t('assess.recompute')}
      cancelText={t('assess.cancel')}
      onOk={submit}
      onCancel={close}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'assess-recompute-ok' } as ButtonProps}
      destroyOnHidden
    >
      <p>{t('assess.recomputeHint')}</p>
      <Form layout="vertical">
        <Form.Item
          label={t('assess.reason')}
          required
          validateStatus={reasonError ? 'error' : undefined}
          help={reasonError}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (mutation.error) mutation.reset();
            }}
            data-testid="assess-recompute-reason"
          />
        </Form.Item>
      </Form>
      {otherError ? <Alert type="error" showIcon title={otherError} /> : null}
    </Modal>
  );
}
