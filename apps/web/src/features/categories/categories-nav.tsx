import { TagsOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/layout/nav-menu';
import { PATHS } from '../../app/paths';

/** The 分类字典 page's menu entry (系统): readable by all staff, but configuration is for its managers. */
export const CATEGORIES_NAV_ITEMS: NavItem[] = [
  {
    path: PATHS.categoryDictionary,
    label: 'nav.categoryDictionary',
    icon: <TagsOutlined />,
    permission: 'categories.manage',
  },
];
