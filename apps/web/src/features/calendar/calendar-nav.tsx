import { CalendarOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entries of the case-configuration admin pages (kept here so their icons load with them). */
export const CALENDAR_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  {
    path: PATHS.calendar,
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    permission: 'calendar.manage',
  },
];
