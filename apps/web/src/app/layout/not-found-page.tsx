import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { StatusBlock } from '../../components/status-block';
import { useI18n } from '../../lib/i18n';
import { PATHS } from '../paths';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <StatusBlock
      status="not-found"
      title="404"
      detail={t('common.notFound')}
      actions={<Button onClick={() => void navigate(PATHS.home)}>{t('common.home')}</Button>}
    />
  );
}
