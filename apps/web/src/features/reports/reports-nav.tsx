import { FileTextOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entry of 月度报告 (决策支持): leaders of every level (reports.read). */
export const REPORTS_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PATHS.reports,
    label: 'nav.reports',
    icon: <FileTextOutlined />,
    permission: 'reports.read',
  },
];
