import { Button } from 'antd';
import { useI18n } from '../lib/i18n';
import { StatusBlock } from './status-block';

/** Inline failure state for a query, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <StatusBlock
      status="error"
      title={t('common.loadFailed')}
      detail={error instanceof Error ? error.message : undefined}
      actions={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
