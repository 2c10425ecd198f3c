import { useState } from 'react';
import { App, Button, Image, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, LikeOutlined } from '@ant-design/icons';
import { PUBLIC_CASE_STATUS_LABELS, type PublicBoardItem } from '@wangge/shared';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, useI18n } from '../../../lib/i18n';
import { publicPhotoUrl, usePublicSupport } from '../board-api';

/** One report on the board: what it is, where (unless sensitive), its status, moderated words and photos, "+1". */
export function BoardItem({
  item,
  headingLevel = 3,
}: {
  item: PublicBoardItem;
  headingLevel?: 2 | 3;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const support = usePublicSupport();
  // The count after this device's +1, until the list is fetched again (the duplicate offer is a snapshot).
  const [supporters, setSupporters] = useState<number | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const plusOne = () =>
    support.mutate(item.id, {
      onSuccess: (r) => {
        setSupporters(r.supporters);
        void message.success(t(r.already ? 'board.plusOneAlready' : 'board.plusOneDone'));
      },
      onError: (err) => void message.error(isApiError(err) ? err.message : String(err)),
    });
  return (
    <article className="board-item" data-testid="board-item">
      <Heading style={{ fontSize: 16, margin: 0 }}>
        {item.categoryName ?? t('board.noCategory')}
      </Heading>
      <Space size={4} wrap style={{ margin: '4px 0' }}>
        <Tag color={item.status === 'closed' ? 'green' : 'blue'}>
          {PUBLIC_CASE_STATUS_LABELS[item.status][lang]}
        </Tag>
        <Typography.Text type="secondary">{formatDateTime(item.reportedAt, lang)}</Typography.Text>
        <Typography.Text type="secondary">
          <EnvironmentOutlined aria-hidden /> {item.areaName ?? ''}
          {item.locationHidden ? ` · ${t('board.hiddenPlace')}` : ''}
        </Typography.Text>
      </Space>
      <p style={{ margin: '4px 0' }} data-testid="board-item-text">
        {item.text ?? <Typography.Text type="secondary">{t('board.pendingText')}</Typography.Text>}
      </p>
      {item.photos.length ? (
        <Space size={4} wrap>
          {item.photos.map((p) => (
            <Image
              key={p}
              src={publicPhotoUrl(p)}
              alt={t('board.photoAlt')}
              width={96}
              height={72}
              style={{ objectFit: 'cover' }}
            />
          ))}
        </Space>
      ) : null}
      <Space size={8} style={{ marginTop: 4 }}>
        <span data-testid="board-supporters">
          {t('board.supporters', { n: supporters ?? item.supporters })}
        </span>
        {item.locationHidden ? null : (
          <Button
            size="small"
            icon={<LikeOutlined aria-hidden />}
            loading={support.isPending}
            onClick={plusOne}
          >
            {t('board.plusOne')}
          </Button>
        )}
      </Space>
    </article>
  );
}
