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
import { UNITS_NAV_ITEMS } from '../../features/units/units-nav';
import { ADDRESSES_NAV_ITEMS } from '../../features/addresses/addresses-nav';
import { CALENDAR_NAV_ITEMS } from '../../features/calendar/calendar-nav';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { PATHS } from '../paths';
import { IdcardOutlined } from '@ant-design/icons';
// 特殊人群, 走访 and 民情日志 entries (special-groups feature).
import {
  BookOutlined,
  FieldTimeOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}

const NAV_ITEMS: NavItem[] = [
  {
    path: PATHS.reportCase,
    label: 'nav.report',
    icon: <FormOutlined />,
    permission: 'cases.report',
  },
  { path: PATHS.tasks, label: 'nav.tasks', icon: <CarryOutOutlined />, permission: 'cases.act' },
  {
    path: PATHS.cases,
    label: 'nav.cases',
    icon: <OrderedListOutlined />,
    permission: 'cases.read',
  },
  { path: PATHS.map, label: 'nav.map', icon: <EnvironmentOutlined />, permission: 'areas.read' },
  {
    path: PATHS.areaTree,
    label: 'nav.areaTree',
    icon: <ClusterOutlined />,
    permission: 'areas.read',
  },
  {
    path: PATHS.areaImport,
    label: 'nav.areaImport',
    icon: <UploadOutlined />,
    permission: 'areas.manage',
  },
  // @nav:addresses
  ...ADDRESSES_NAV_ITEMS,
  // @nav:population
  {
    path: PATHS.persons,
    label: 'nav.persons',
    icon: <IdcardOutlined />,
    permission: 'registry.read',
  },
  // @nav:units
  ...UNITS_NAV_ITEMS,
  // @nav:special-groups
  {
    path: PATHS.myVisits,
    label: 'nav.myVisits',
    icon: <ScheduleOutlined />,
    permission: 'visits.read',
  },
  {
    path: PATHS.overdueVisits,
    label: 'nav.overdueVisits',
    icon: <FieldTimeOutlined />,
    permission: 'visits.read',
  },
  {
    path: PATHS.specialGroups,
    label: 'nav.specialGroups',
    icon: <SafetyCertificateOutlined />,
    permission: 'special.read',
  },
  {
    path: PATHS.specialGroupDictionary,
    label: 'nav.groupDictionary',
    icon: <ProfileOutlined />,
    permission: 'special.configure',
  },
  {
    path: PATHS.residentFiles,
    label: 'nav.residentFiles',
    icon: <BookOutlined />,
    permission: 'residentFiles.read',
  },
  {
    path: PATHS.registryImport,
    label: 'nav.registryImport',
    icon: <UploadOutlined />,
    permission: 'registry.import',
  },
  // @nav:calendar
  ...CALENDAR_NAV_ITEMS,
  {
    path: PATHS.departments,
    label: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'departments.read',
  },
  { path: PATHS.users, label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' },
  { path: PATHS.audit, label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** The longest menu path that prefixes the current location (/areas/import beats /areas). */
function selectedPath(pathname: string, paths: string[]): string | undefined {
  return paths
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavMenu({
  onNavigate,
  theme,
}: {
  onNavigate?: () => void;
  theme: 'dark' | 'light';
}) {
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
