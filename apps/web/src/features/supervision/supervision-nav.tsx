import { AlertOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entry of 工作监督 (监督考核): leaders and the command centre (cases.supervise). */
export const SUPERVISION_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PATHS.supervision,
    label: 'nav.supervision',
    icon: <AlertOutlined />,
    permission: 'cases.supervise',
  },
];
