import type { ReactNode } from 'react';
import { Menu } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { PATHS } from '../paths';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}

const NAV_ITEMS: NavItem[] = [
  { path: PATHS.map, label: 'nav.map', icon: <EnvironmentOutlined />, permission: 'areas.read' },
  { path: PATHS.areaTree, label: 'nav.areaTree', icon: <ClusterOutlined />, permission: 'areas.read' },
  { path: PATHS.areaImport, label: 'nav.areaImport', icon: <UploadOutlined />, permission: 'areas.manage' },
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
  const selected = selectedPath(
    location.pathname,
    items.map((i) => i.path),
  );
  return (
    <Menu
      mode="inline"
      theme={theme}
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
