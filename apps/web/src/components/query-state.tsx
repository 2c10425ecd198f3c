import { Button, Skeleton } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { PageLoader } from './page-loader';
import { QueryError } from './query-error';
import { StatusBlock } from './status-block';

/** What QueryState reads of a react-query result. */
export interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * The one block a page shows instead of its record while the query loads, when the record is not there (404: gone,
 * or out of the user's scope, which the server answers alike) or when the load failed (with a retry). Used as
 * `if (q.isPending || q.isError) return <QueryState query={q} notFound={…} />`, which keeps TypeScript's narrowing
 * of q.data below.
 */
export function QueryState({
  query,
  notFound,
  loading = 'skeleton',
}: {
  query: QueryLike;
  /** Without it a 404 shows as a failure to load. */
  notFound?: { title: string; backTo: string; backLabel?: string };
  loading?: 'skeleton' | 'spinner';
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (query.isPending)
    return loading === 'spinner' ? <PageLoader /> : <Skeleton active style={{ padding: 20 }} />;
  if (notFound && isApiError(query.error) && query.error.status === 404)
    return (
      <StatusBlock
        status="not-found"
        title={notFound.title}
        actions={
          <Button onClick={() => void navigate(notFound.backTo)}>
            {notFound.backLabel ?? t('common.back')}
          </Button>
        }
      />
    );
  return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
}
