import { ApiOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entry of Open311 接口密钥 (系统管理): administrators (settings.manage). */
export const OPEN311_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PATHS.open311Keys,
    label: 'nav.open311Keys',
    icon: <ApiOutlined />,
    permission: 'settings.manage',
  },
];
