import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  CLOSE_REASON_LABELS,
  PUBLIC_CASE_STATUS_LABELS,
  PUBLIC_MILESTONE_LABELS,
  RATING_LABELS,
  RATINGS,
  type PublicCaseStatus,
  type PublicCaseView,
  type Rating,
} from '@wangge/shared';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { usePublicRate, usePublicReopen } from '../api';
import { Colon } from '../../../components/label-colon';

const STATUS_COLOURS: Record<PublicCaseStatus, string> = {
  pending_acceptance: 'blue',
  verifying: 'blue',
  accepted: 'processing',
  registered: 'processing',
  handling: 'processing',
  suspended: 'warning',
  checking: 'cyan',
  closed: 'success',
  rejected: 'default',
  voided: 'default',
  merged: 'purple',
  dismissed: 'default',
};

/**
 * What a citizen sees of their case, with 评价 and 申请重开 when the workflow allows them (those need the receipt's
 * secret; a list found by phone shows the cases without them).
 */
export function PublicCaseCard({ view, secret }: { view: PublicCaseView; secret: string | null }) {
  const { t, lang } = useI18n();
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="public-case">
      <Card size="small">
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <span>
            {t('public.status')}
            <Colon />
            <Tag color={STATUS_COLOURS[view.status]} data-testid="public-status">
              {PUBLIC_CASE_STATUS_LABELS[view.status][lang]}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {PUBLIC_CASE_STATUS_LABELS[view.status].hint[lang]}
            </Typography.Text>
          </span>
          {view.merged ? <Alert type="info" showIcon message={t('public.mergedInto')} /> : null}
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('public.caseNo')}>{view.caseNo}</Descriptions.Item>
            {view.categoryName ? (
              <Descriptions.Item label={t('public.categoryName')}>
                {view.categoryName}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('public.address')}>{view.address}</Descriptions.Item>
            {view.photoCount ? (
              <Descriptions.Item label={t('public.photosAttached')}>
                {t('public.photoCount', { n: view.photoCount })}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('public.reportedAt')}>
              {formatDateTime(view.reportedAt, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('public.description')}>
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                ellipsis={{ rows: 3, expandable: true }}
              >
                {view.description}
              </Typography.Paragraph>
            </Descriptions.Item>
            {view.closeReason ? (
              <Descriptions.Item label={t('public.closeReason')}>
                {CLOSE_REASON_LABELS[view.closeReason][lang]}
              </Descriptions.Item>
            ) : null}
            {view.result ? (
              <Descriptions.Item label={t('public.result')}>{view.result}</Descriptions.Item>
            ) : null}
            {view.rating ? (
              <Descriptions.Item label={t('public.rating')}>
                {RATING_LABELS[view.rating][lang]}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {view.reopenRequested ? (
            <Alert type="warning" showIcon message={t('public.reopenRequested')} />
          ) : null}
        </Space>
      </Card>

      <Card size="small" title={t('public.progress')}>
        <Timeline
          data-testid="public-milestones"
          items={[...view.milestones].reverse().map((m) => ({
            children: (
              <span>
                {PUBLIC_MILESTONE_LABELS[m.kind][lang]}
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {formatDateTime(m.at, lang)}
                </Typography.Text>
              </span>
            ),
          }))}
        />
      </Card>

      {view.canRate && secret ? <RateForm caseNo={view.caseNo} secret={secret} /> : null}
      {view.canRequestReopen && !view.reopenRequested && secret ? (
        <ReopenForm caseNo={view.caseNo} secret={secret} />
      ) : null}

      <Card size="small" title={t('public.messages')}>
        {view.notifications.length ? (
          <List
            size="small"
            dataSource={view.notifications}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={<span style={{ fontWeight: 'normal' }}>{n.text}</span>}
                  description={formatDateTime(n.createdAt, lang)}
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('public.noMessages')} />
        )}
      </Card>
    </Space>
  );
}

function RateForm({ caseNo, secret }: { caseNo: string; secret: string }) {
  const { t, lang } = useI18n();
  const rate = usePublicRate(caseNo);
  const [rating, setRating] = useState<Rating | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Card size="small" title={t('public.rate')}>
      <Form
        layout="vertical"
        onFinish={() =>
          rating &&
          rate.mutate({ secret, rating, ...(reason.trim() ? { reason: reason.trim() } : {}) })
        }
      >
        <Form.Item>
          <Radio.Group
            value={rating}
            onChange={(e) => setRating(e.target.value as Rating)}
            data-testid="public-rating"
          >
            {RATINGS.map((r) => (
              <Radio.Button key={r} value={r}>
                {RATING_LABELS[r][lang]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('public.rateReason')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        {rate.error ? (
          <Alert type="error" showIcon message={rate.error.message} style={{ marginBottom: 12 }} />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          disabled={!rating}
          loading={rate.isPending}
          block
          data-testid="public-rate-submit"
        >
          {t('public.rateSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

function ReopenForm({ caseNo, secret }: { caseNo: string; secret: string }) {
  const { t } = useI18n();
  const reopen = usePublicReopen(caseNo);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button block onClick={() => setOpen(true)}>
        {t('public.reopen')}
      </Button>
    );
  return (
    <Card size="small" title={t('public.reopen')}>
      <Form layout="vertical" onFinish={() => reopen.mutate({ secret, reason: reason.trim() })}>
        <Form.Item label={t('public.reopenReason')} required>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        {reopen.error ? (
          <Alert
            type="error"
            showIcon
            message={reopen.error.message}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          disabled={!reason.trim()}
          loading={reopen.isPending}
          block
        >
          {t('public.reopenSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
