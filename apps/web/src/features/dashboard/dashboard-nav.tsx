import { DashboardOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { LEADER_ROLES } from '@wangge/shared';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entry of 领导驾驶舱 (决策支持): the leader roles, who read the indicators. */
export const DASHBOARD_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
  roles?: readonly string[];
}[] = [
  {
    path: PATHS.dashboard,
    label: 'nav.dashboard',
    icon: <DashboardOutlined />,
    permission: 'indicators.read',
    roles: LEADER_ROLES,
  },
];
