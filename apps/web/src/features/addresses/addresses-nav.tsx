import { HomeOutlined, NodeIndexOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entries of 标准地址 and 实有房屋 (kept here so their icons load with them). */
export const ADDRESSES_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PATHS.addresses,
    label: 'nav.addresses',
    icon: <NodeIndexOutlined />,
    permission: 'registry.read',
  },
  { path: PATHS.houses, label: 'nav.houses', icon: <HomeOutlined />, permission: 'registry.read' },
];
