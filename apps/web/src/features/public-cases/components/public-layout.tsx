import type { ReactNode } from 'react';
import { ConfigProvider, Layout, Space, type ThemeConfig } from 'antd';
import { LanguageSwitch } from '../../../components/language-switch';
import { useI18n } from '../../../lib/i18n';
import { PublicNav } from './public-nav';

/**
 * Residents include older people on small screens: the portal's text, placeholders, links and buttons meet WCAG AA
 * contrast (4.5:1; antd's defaults are lighter), checked by axe in the browser tests.
 */
const PORTAL_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0950c5',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorSuccess: '#237804',
  },
};

/** The citizen portal's frame: no menu, no session, one narrow column that fits a 375 px phone. */
export function PublicLayout({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  /** The board and figures use a wider column on a desk screen. */
  wide?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ConfigProvider theme={PORTAL_THEME}>
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
          <div style={{ maxWidth: wide ? 1100 : 560, margin: '0 auto' }}>
            <h1 style={{ fontSize: 20, margin: '8px 0 12px' }}>{title}</h1>
            {children}
            <PublicNav />
          </div>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
