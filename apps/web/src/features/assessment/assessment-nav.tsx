import { TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/layout/nav-menu';
import { PATHS } from '../../app/paths';

/** 考核管理 (系统): publishing assessment periods and editing the schemes, for those who manage indicators. */
export const ASSESSMENT_NAV_ITEMS: NavItem[] = [
  {
    path: PATHS.assessment,
    label: 'nav.assessment',
    icon: <TrophyOutlined />,
    permission: 'indicators.manage',
  },
];
