import { useState } from 'react';
import { App, Button, Card, Image, Input, Space, Tag, Typography } from 'antd';
import { MODERATION_STATUS_LABELS, type ModerationItem } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { useModerate } from '../board-api';

const fileUrl = (id: string, variant: 'thumb' | 'public') =>
  `/api/attachments/${encodeURIComponent(id)}/file?variant=${variant}`;

/** A decision bar: publish, or refuse with a reason (required). */
function Decide({
  label,
  onDecide,
  busy,
  testId,
}: {
  label: string;
  onDecide: (approve: boolean, reason: string) => void;
  busy: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Space wrap size={8} data-testid={testId}>
      <Button
        type="primary"
        size="small"
        loading={busy}
        onClick={() => onDecide(true, reason)}
        data-testid={`${testId}-approve`}
      >
        {t('moderation.approve')}
      </Button>
      <Input
        size="small"
        style={{ width: 200 }}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('moderation.reason')}
        aria-label={`${label} ${t('moderation.reason')}`}
        maxLength={200}
      />
      <Button
        size="small"
        danger
        loading={busy}
        onClick={() => onDecide(false, reason)}
        data-testid={`${testId}-reject`}
      >
        {t('moderation.reject')}
      </Button>
    </Space>
  );
}

/** One resident's report as a moderator sees it: the words as written, a version to publish, each photo. */
export function ModerationCard({ item }: { item: ModerationItem }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const moderate = useModerate();
  const [publicText, setPublicText] = useState(item.publicText ?? item.text);
  const run = (attachmentId: string | undefined, approve: boolean, reason: string) => {
    if (!approve && reason.trim().length < 2) {
      void message.error(t('moderation.reasonRequired'));
      return;
    }
    const edited = publicText.trim() !== item.text.trim();
    moderate.mutate(
      {
        id: item.id,
        ...(attachmentId ? { attachmentId } : {}),
        body: {
          decision: approve ? 'approve' : 'reject',
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(!attachmentId && approve && edited ? { publicText: publicText.trim() } : {}),
        },
      },
      {
        onSuccess: () => void message.success(t('moderation.done')),
        onError: (err) => void message.error(isApiError(err) ? err.message : String(err)),
      },
    );
  };
  return (
    <Card
      size="small"
      data-testid="moderation-item"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={4}>
          <span>{item.categoryName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {item.caseNo} · {formatDateTime(item.reportedAt, lang)}
          </Typography.Text>
          {item.sensitive ? <Tag color="orange">{t('moderation.sensitive')}</Tag> : null}
          {item.supporters ? <Tag>{t('moderation.supporters', { n: item.supporters })}</Tag> : null}
        </Space>
      }
    >
      <Typography.Text strong>{t('moderation.text')}</Typography.Text>{' '}
      <Tag>{MODERATION_STATUS_LABELS[item.textStatus][lang]}</Tag>
      <p data-testid="moderation-original" style={{ whiteSpace: 'pre-wrap' }}>
        {item.text}
      </p>
      <label style={{ display: 'block' }}>
        {t('moderation.publicText')}
        <Input.TextArea
          rows={2}
          value={publicText}
          onChange={(e) => setPublicText(e.target.value)}
          maxLength={2000}
          data-testid="moderation-public-text"
        />
      </label>
      <div style={{ margin: '8px 0 12px' }}>
        <Decide
          label={t('moderation.text')}
          busy={moderate.isPending}
          onDecide={(a, r) => run(undefined, a, r)}
          testId="moderate-text"
        />
      </div>
      {item.photos.map((p, i) => (
        <div
          key={p.attachmentId}
          style={{
            display: 'flex',
            gap: 8,
            alignItems: 'center',
            flexWrap: 'wrap',
            marginBottom: 8,
          }}
        >
          <Image
            src={fileUrl(p.attachmentId, 'thumb')}
            preview={{ src: fileUrl(p.attachmentId, 'public') }}
            width={96}
            alt={`${t('moderation.photo')} ${i + 1}`}
          />
          <Tag>{MODERATION_STATUS_LABELS[p.status][lang]}</Tag>
          <Decide
            label={`${t('moderation.photo')} ${i + 1}`}
            busy={moderate.isPending}
            onDecide={(a, r) => run(p.attachmentId, a, r)}
            testId="moderate-photo"
          />
        </div>
      ))}
    </Card>
  );
}
