import { FieldTimeOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

/** Menu entries of the registry of units and key places (kept here so their icons load with them). */
export const UNITS_NAV_ITEMS: {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string;
}[] = [
  { path: PATHS.units, label: 'nav.units', icon: <ShopOutlined />, permission: 'registry.read' },
  {
    path: PATHS.places,
    label: 'nav.places',
    icon: <SafetyCertificateOutlined />,
    permission: 'registry.read',
  },
  {
    path: PATHS.inspectionsOverdue,
    label: 'nav.inspectionsOverdue',
    icon: <FieldTimeOutlined />,
    permission: 'registry.read',
  },
];
