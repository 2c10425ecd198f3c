import type { ReactNode } from 'react';
import { Badge, Menu } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  FormOutlined,
  OrderedListOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api';
import { useTasks } from '../../features/cases/task-queues';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { PATHS } from '../paths';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}

const NAV_ITEMS: NavItem[] = [
  { path: PATHS.reportCase, label: 'nav.report', icon: <FormOutlined />, permission: 'cases.report' },
  { path: PATHS.tasks, label: 'nav.tasks', icon: <CarryOutOutlined />, permission: 'cases.act' },
  { path: PATHS.cases, label: 'nav.cases', icon: <OrderedListOutlined />, permission: 'cases.read' },
  { path: PATHS.map, label: 'nav.map', icon: <EnvironmentOutlined />, permission: 'areas.read' },
  { path: PATHS.areaTree, label: 'nav.areaTree', icon: <ClusterOutlined />, permission: 'areas.read' },
  { path: PATHS.areaImport, label: 'nav.areaImport', icon: <UploadOutlined />, permission: 'areas.manage' },
  // @nav:addresses
  // @nav:population
  // @nav:units
  // @nav:special-groups
  { path: PATHS.departments, label: 'nav.departments', icon: <ApartmentOutlined />, permission: 'departments.read' },
  { path: PATHS.users, label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' },
  { path: PATHS.audit, label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** The longest menu path that prefixes the current location (/areas/import beats /areas). */
function selectedPath(pathname: string, paths: string[]): string | undefined {
  return paths
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavMenu({ onNavigate, theme }: { onNavigate?: () => void; theme: 'dark' | 'light' }) {
  const me = useMe();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV_ITEMS.filter((item) => me.permissions.includes(item.permission));
  // 我的任务 shows how many cases wait for this user (refreshed with the task queues).
  const { count } = useTasks(me);
  const selected = selectedPath(
    location.pathname,
    items.map((i) => i.path),
  );
  return (
    <Menu
      mode="inline"
      theme={theme}
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({
        key: item.path,
        icon: item.icon,
        label:
          item.path === PATHS.tasks ? (
            <span className="nav-badge-label">
              {t(item.label)}
              <Badge count={count} size="small" overflowCount={99} data-testid="tasks-badge" />
            </span>
          ) : (
            t(item.label)
          ),
      }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
