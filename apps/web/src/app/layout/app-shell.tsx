import { Suspense, useState } from 'react';
import { Badge, Button, Drawer, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { PageLoader } from '../../components/page-loader';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/use-media-query';
import { useMe } from '../../features/auth/api';
import { useTasks } from '../../features/cases/task-queues';
import { PATHS } from '../paths';
import { NavMenu } from './nav-menu';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { UserMenu } from './user-menu';

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <Link to={PATHS.home} className="shell-brand">
      <span className="shell-brand__mark" aria-hidden>
        格
      </span>
      {collapsed ? null : <span className="shell-brand__name">{t('app.name')}</span>}
    </Link>
  );
}

/** Header + side menu; on phones the menu moves into a drawer opened from the header. */
export function AppShell() {
  const isMobile = useIsMobile();
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { count: taskCount } = useTasks(useMe());

  return (
    <Layout className="shell">
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={208}
        >
          <Brand collapsed={collapsed} />
          <NavMenu theme="dark" />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="shell-header">
          {isMobile ? (
            <>
              <Badge count={taskCount} size="small" offset={[-4, 4]}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.menu')}
                  onClick={() => setDrawerOpen(true)}
                  data-testid="nav-toggle"
                />
              </Badge>
              <span className="shell-header__title">{t('app.name')}</span>
            </>
          ) : (
            <span className="shell-header__title">{t('app.subtitle')}</span>
          )}
          <div className="shell-header__actions">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu compact={isMobile} />
          </div>
        </Layout.Header>
        <Layout.Content className="shell-content">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
