import { NodeIndexOutlined, PartitionOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/layout/nav-menu';
import { PATHS } from '../../app/paths';

/** 派遣矩阵 and its 未配置主责部门 report (系统), for those who may change the matrix. */
export const DISPATCH_RULES_NAV_ITEMS: NavItem[] = [
  {
    path: PATHS.dispatchRules,
    label: 'nav.dispatchRules',
    icon: <PartitionOutlined />,
    permission: 'dispatch.manage',
  },
  {
    path: PATHS.dispatchGaps,
    label: 'nav.dispatchGaps',
    icon: <NodeIndexOutlined />,
    permission: 'dispatch.manage',
  },
];
