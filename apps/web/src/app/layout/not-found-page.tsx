import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { PATHS } from '../paths';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={<Button onClick={() => void navigate(PATHS.map)}>{t('common.home')}</Button>}
    />
  );
}
