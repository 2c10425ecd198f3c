import { useState } from 'react';
import { Empty, Skeleton, Switch } from 'antd';
import { PageContainer } from '../../../components/page-container';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useModerationQueue } from '../board-api';
import { ModerationCard } from '../components/moderation-card';

/** 公开内容审核 (public.moderate): what residents wrote and photographed, before the public board shows any of it. */
export function ModerationPage() {
  const { t } = useI18n();
  const [pending, setPending] = useState(true);
  const queue = useModerationQueue(pending);
  return (
    <PageContainer title={t('moderation.title')}>
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Switch checked={pending} onChange={setPending} size="small" />
        {t('moderation.pendingOnly')}
      </label>
      {queue.error ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isLoading ? <Skeleton active /> : null}
      {queue.data && !queue.data.items.length ? (
        <Empty description={t('moderation.empty')} />
      ) : null}
      {queue.data?.items.map((item) => (
        <ModerationCard
          key={`${item.id}-${item.textStatus}-${item.publicText ?? ''}`}
          item={item}
        />
      ))}
    </PageContainer>
  );
}
