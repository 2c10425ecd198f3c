import { Drawer } from 'antd';
import { useI18n } from '../../lib/i18n';
import { NavMenu } from './nav-menu';

/** The navigation on a phone: a drawer from the left, loaded the first time the menu button is pressed. */
export function MobileNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={240}
      title={t('app.name')}
      styles={{ body: { padding: 0 } }}
    >
      <NavMenu theme="light" onNavigate={onClose} />
    </Drawer>
  );
}
