import { TableOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { LEADER_ROLES } from '@wangge/shared';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entry of 统计 · 登记与走访 (决策支持): the leader roles, who read the registers (registry.read). */
export const REGISTRY_FIGURES_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
  roles?: readonly string[];
}[] = [
  {
    path: PATHS.registryFigures,
    label: 'nav.registryFigures',
    icon: <TableOutlined />,
    permission: 'registry.read',
    roles: [...LEADER_ROLES, 'admin'],
  },
];
