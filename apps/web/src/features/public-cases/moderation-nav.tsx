import { EyeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PUBLIC_PATHS } from './public-paths';

/** Menu entry of 公开内容审核 (民生): 受理员 and administrators (public.moderate). */
export const MODERATION_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PUBLIC_PATHS.moderation,
    label: 'nav.publicModeration',
    icon: <EyeOutlined />,
    permission: 'public.moderate',
  },
];
