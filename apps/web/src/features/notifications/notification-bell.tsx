import { lazy, Suspense, useState } from 'react';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n';
import { useUnreadCount } from './api';

// The list (Drawer, List, Empty) loads when the bell is first opened: every page shows the bell, few open it, and
// List alone brings Pagination and Select into the first load of every page.
const NotificationDrawer = lazy(() =>
  import('./notification-drawer').then((m) => ({ default: m.NotificationDrawer })),
);

/** 我的消息: a bell with the unread count; the list opens in a drawer, and opening a message marks it read. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount();

  return (
    <>
      <Badge count={count.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.title')}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
          data-testid="notification-bell"
        />
      </Badge>
      {opened ? (
        <Suspense fallback={null}>
          <NotificationDrawer
            open={open}
            onClose={() => setOpen(false)}
            unread={count.data?.unread ?? 0}
          />
        </Suspense>
      ) : null}
    </>
  );
}
