import { useState, type ReactNode } from 'react';
import { Badge, Menu } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FormOutlined,
  GlobalOutlined,
  HeartOutlined,
  IdcardOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { LEADER_ROLES } from '@wangge/shared';
import { useMe } from '../../features/auth/api';
import { useTasks } from '../../features/cases/task-queues';
import { UNITS_NAV_ITEMS } from '../../features/units/units-nav';
import { ADDRESSES_NAV_ITEMS } from '../../features/addresses/addresses-nav';
import { CALENDAR_NAV_ITEMS } from '../../features/calendar/calendar-nav';
import { CONDITIONS_NAV_ITEMS } from '../../features/categories/conditions-nav';
import { ASSESSMENT_NAV_ITEMS } from '../../features/assessment/assessment-nav';
import { CATEGORIES_NAV_ITEMS } from '../../features/categories/categories-nav';
import { DISPATCH_RULES_NAV_ITEMS } from '../../features/dispatch-rules/dispatch-rules-nav';
import { SUPERVISION_NAV_ITEMS } from '../../features/supervision/supervision-nav';
import { MODERATION_NAV_ITEMS } from '../../features/public-cases/moderation-nav';
import { REPORTS_NAV_ITEMS } from '../../features/reports/reports-nav';
import { HOTLINE_NAV_ITEMS } from '../../features/hotline/hotline-nav';
import { OPEN311_NAV_ITEMS } from '../../features/open311/open311-nav';
import { REGISTRY_FIGURES_NAV_ITEMS } from '../../features/registry-figures/registry-figures-nav';
import { DASHBOARD_NAV_ITEMS } from '../../features/dashboard/dashboard-nav';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { PATHS } from '../paths';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
  /** Only for users holding one of these roles as well (the 大屏: leaders and the command centre). */
  roles?: readonly string[];
}

/** The platform's modules, in menu order; a module not built yet has no row in NAV (and no group shown). */
export type NavGroupKey =
  | 'zongzhi'
  | 'minsheng'
  | 'dangjian'
  | 'kaohe'
  | 'juece'
  | 'xietong'
  | 'gis'
  | 'system';

export interface NavGroup {
  key: NavGroupKey;
  label: MessageKey;
  icon: ReactNode;
  items: NavItem[];
}

/**
 * The menu as data: group → items, each item shown only to users holding its permission; a group with no
 * visible item is hidden. To add a page, add one row to its group (综治, 民生, 党建, 监督考核, 决策支持,
 * 协同办公, GIS, 系统).
 */
/** Who gets the 大屏 in the menu: the leaders and the command centre's 受理员, 值班长 and 派遣员. */
const SCREEN_ROLES = [...LEADER_ROLES, 'intake_operator', 'shift_leader', 'dispatcher'] as const;

export const NAV: NavGroup[] = [
  {
    key: 'zongzhi',
    label: 'navGroup.zongzhi',
    icon: <SafetyOutlined />,
    items: [
      {
        path: PATHS.reportCase,
        label: 'nav.report',
        icon: <FormOutlined />,
        permission: 'cases.report',
      },
      {
        path: PATHS.cases,
        label: 'nav.cases',
        icon: <OrderedListOutlined />,
        permission: 'cases.read',
      },
      ...ADDRESSES_NAV_ITEMS,
      {
        path: PATHS.persons,
        label: 'nav.persons',
        icon: <IdcardOutlined />,
        permission: 'registry.read',
      },
      ...UNITS_NAV_ITEMS,
      {
        path: PATHS.specialGroups,
        label: 'nav.specialGroups',
        icon: <SafetyCertificateOutlined />,
        permission: 'special.read',
      },
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
        path: PATHS.registryImport,
        label: 'nav.registryImport',
        icon: <UploadOutlined />,
        permission: 'registry.import',
      },
    ],
  },
  {
    key: 'minsheng',
    label: 'navGroup.minsheng',
    icon: <HeartOutlined />,
    items: [
      ...MODERATION_NAV_ITEMS,
      {
        path: PATHS.residentFiles,
        label: 'nav.residentFiles',
        icon: <BookOutlined />,
        permission: 'residentFiles.read',
      },
    ],
  },
  {
    key: 'kaohe',
    label: 'navGroup.kaohe',
    icon: <AuditOutlined />,
    items: [...SUPERVISION_NAV_ITEMS],
  },
  {
    key: 'juece',
    label: 'navGroup.juece',
    icon: <BarChartOutlined />,
    items: [
      ...DASHBOARD_NAV_ITEMS,
      {
        path: PATHS.overview,
        label: 'nav.overview',
        icon: <DashboardOutlined />,
        permission: 'cases.read',
      },
      {
        path: PATHS.screen,
        label: 'nav.screen',
        icon: <FundProjectionScreenOutlined />,
        permission: 'cases.read',
        roles: SCREEN_ROLES,
      },
      ...REPORTS_NAV_ITEMS,
      ...REGISTRY_FIGURES_NAV_ITEMS,
    ],
  },
  {
    key: 'xietong',
    label: 'navGroup.xietong',
    icon: <SolutionOutlined />,
    items: [
      {
        path: PATHS.tasks,
        label: 'nav.tasks',
        icon: <CarryOutOutlined />,
        permission: 'cases.act',
      },
    ],
  },
  {
    key: 'gis',
    label: 'navGroup.gis',
    icon: <GlobalOutlined />,
    items: [
      {
        path: PATHS.map,
        label: 'nav.map',
        icon: <EnvironmentOutlined />,
        permission: 'areas.read',
      },
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
    ],
  },
  {
    key: 'system',
    label: 'navGroup.system',
    icon: <SettingOutlined />,
    items: [
      ...CALENDAR_NAV_ITEMS,
      ...CATEGORIES_NAV_ITEMS,
      ...CONDITIONS_NAV_ITEMS,
      ...DISPATCH_RULES_NAV_ITEMS,
      ...ASSESSMENT_NAV_ITEMS,
      {
        path: PATHS.specialGroupDictionary,
        label: 'nav.groupDictionary',
        icon: <ProfileOutlined />,
        permission: 'special.configure',
      },
      {
        path: PATHS.departments,
        label: 'nav.departments',
        icon: <ApartmentOutlined />,
        permission: 'departments.read',
      },
      { path: PATHS.users, label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' },
      { path: PATHS.audit, label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      ...HOTLINE_NAV_ITEMS,
      ...OPEN311_NAV_ITEMS,
    ],
  },
];

/** The groups and items this user may use, in table order; empty groups left out. */
export function visibleNav(
  nav: NavGroup[],
  permissions: readonly string[],
  roles: readonly string[] = [],
): NavGroup[] {
  const allowed = (i: NavItem) =>
    permissions.includes(i.permission) && (!i.roles || i.roles.some((r) => roles.includes(r)));
  return nav
    .map((g) => ({ ...g, items: g.items.filter(allowed) }))
    .filter((g) => g.items.length > 0);
}

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
  const groups = visibleNav(
    NAV,
    me.permissions,
    me.roles.map((r) => r.code),
  );
  // 我的任务 shows how many cases wait for this user (refreshed with the task queues).
  const { count } = useTasks(me);
  const selected = selectedPath(
    location.pathname,
    groups.flatMap((g) => g.items.map((i) => i.path)),
  );
  const selectedGroup = groups.find((g) => g.items.some((i) => i.path === selected))?.key;
  // Few groups: all open. Many (administrators): the current page's group, others on a click.
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    groups.length <= 3 ? groups.map((g) => g.key) : selectedGroup ? [selectedGroup] : [],
  );
  // Navigating elsewhere (a link, the landing page) opens the new page's group.
  const [shownGroup, setShownGroup] = useState(selectedGroup);
  if (shownGroup !== selectedGroup) {
    setShownGroup(selectedGroup);
    if (selectedGroup && !openKeys.includes(selectedGroup))
      setOpenKeys([...openKeys, selectedGroup]);
  }
  return (
    <Menu
      mode="inline"
      theme={theme}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      items={groups.map((group) => ({
        key: group.key,
        icon: group.icon,
        label: <span data-testid={`nav-group-${group.key}`}>{t(group.label)}</span>,
        children: group.items.map((item) => ({
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
        })),
      }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
