import type { ReactNode } from 'react';
import { Button } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { QueryError } from '../components/query-error';
import { StatusBlock } from '../components/status-block';
import { useHasPermission, useSession } from '../features/auth/api';
import { useI18n } from '../lib/i18n';

/** Routes below need a session; a forced password change comes before everything else. */
export function RequireAuth() {
  const { data, isPending, isError, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader fullScreen />;
  if (isError) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (data.user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

/** Shows a 403 page instead of a page the user's roles do not include. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string;
  children: ReactNode;
}) {
  const allowed = useHasPermission(permission);
  const { t } = useI18n();
  const navigate = useNavigate();
  if (allowed) return children;
  return (
    <StatusBlock
      status="forbidden"
      title="403"
      detail={t('common.forbidden')}
      actions={<Button onClick={() => void navigate('/')}>{t('common.home')}</Button>}
    />
  );
}
