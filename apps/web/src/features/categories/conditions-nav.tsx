import { FileProtectOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/layout/nav-menu';
import { PATHS } from '../../app/paths';

/** The 立结案标准 page's menu entry (系统), for those who may change the standards. */
export const CONDITIONS_NAV_ITEMS: NavItem[] = [
  {
    path: PATHS.conditions,
    label: 'nav.conditions',
    icon: <FileProtectOutlined />,
    permission: 'categories.manage',
  },
];
