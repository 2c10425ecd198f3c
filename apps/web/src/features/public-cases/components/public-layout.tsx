import type { ReactNode } from 'react';
import { Layout, Space } from 'antd';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { useI18n } from '../../../lib/i18n';
import { PUBLIC_PATHS } from '../public-paths';

/** The citizen portal's frame: no menu, no session, one narrow column that fits a 375 px phone. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout className="public-portal" style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 12px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <span style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('app.name')} · {t('public.portal')}
        </span>
        <Space size={4}>
          <LanguageSwitch />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <h1 style={{ fontSize: 20, margin: '8px 0 12px' }}>{title}</h1>
          {children}
          <div style={{ marginTop: 24, display: 'flex', gap: 16, justifyContent: 'center' }}>
            <Link to={PUBLIC_PATHS.report}>{t('public.toReport')}</Link>
            <Link to={PUBLIC_PATHS.track}>{t('public.toTrack')}</Link>
          </div>
        </div>
      </Layout.Content>
    </Layout>
  );
}
