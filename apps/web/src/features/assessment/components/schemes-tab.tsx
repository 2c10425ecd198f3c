import { Alert, Space } from 'antd';
import { QueryError } from '../../../components/query-error';
import { PageLoader } from '../../../components/page-loader';
import { useI18n } from '../../../lib/i18n';
import { useSchemes } from '../api';
import { SchemeEditor } from './scheme-editor';

/** 考核方案: every stored scheme (default, hotline), each editable on its own. */
export function SchemesTab() {
  const { t } = useI18n();
  const schemes = useSchemes();
  if (schemes.isError)
    return <QueryError error={schemes.error} onRetry={() => void schemes.refetch()} />;
  if (!schemes.data) return <PageLoader />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('assess.schemesHint')} />
      {schemes.data.items.map((s) => (
        <SchemeEditor key={s.code} scheme={s} />
      ))}
    </Space>
  );
}
