import { PhoneOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entry of 12345 回传记录 (系统管理): administrators (settings.manage). */
export const HOTLINE_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PATHS.hotlineDeliveries,
    label: 'nav.hotlineDeliveries',
    icon: <PhoneOutlined />,
    permission: 'settings.manage',
  },
];
