import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Layout } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { PageLoader } from '../../components/page-loader';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/use-media-query';
import { useMe } from '../../features/auth/api';
import { useTasks } from '../../features/cases/task-queues';
import { PATHS } from '../paths';
import { NotificationBell } from '../../features/notifications/notification-bell';

// The menus are chunks of their own: on a phone the navigation sits in a closed drawer (loaded on the first press of
// the menu button) and the account menu behind its button, and antd's Menu, Drawer and Dropdown weigh more than the
// report form a field worker opened the app for. On a desktop the side menu is fetched with the page.
const NavMenu = lazy(() => import('./nav-menu').then((m) => ({ default: m.NavMenu })));
const MobileNav = lazy(() => import('./mobile-nav').then((m) => ({ default: m.MobileNav })));
const UserMenu = lazy(() => import('./user-menu').then((m) => ({ default: m.UserMenu })));

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
  const [drawerOpened, setDrawerOpened] = useState(false);
  const me = useMe();
  const { count: taskCount } = useTasks(me);
  const [userMenuOpened, setUserMenuOpened] = useState(false);

  // The account menu (antd Dropdown and Menu) is loaded on the first press of its button, and opens at once.
  const userButton = (
    <Button
      type="text"
      icon={<UserOutlined />}
      onClick={() => setUserMenuOpened(true)}
      data-testid="user-menu"
    >
      {isMobile ? null : me.displayName}
    </Button>
  );

  return (
    <Layout className="shell">
      {isMobile ? (
        drawerOpened ? (
          <Suspense fallback={null}>
            <MobileNav open={drawerOpen} onClose={() => setDrawerOpen(false)} />
          </Suspense>
        ) : null
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={208}
        >
          <Brand collapsed={collapsed} />
          <Suspense fallback={null}>
            <NavMenu theme="dark" />
          </Suspense>
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
                  onClick={() => {
                    setDrawerOpened(true);
                    setDrawerOpen(true);
                  }}
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
            {userMenuOpened ? (
              <Suspense fallback={userButton}>
                <UserMenu compact={isMobile} initiallyOpen />
              </Suspense>
            ) : (
              userButton
            )}
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
