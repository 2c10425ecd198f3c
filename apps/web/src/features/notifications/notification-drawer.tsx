import { Badge, Button, Drawer, Empty, List, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { casePath } from '../../app/paths';
import { formatDateTime, useI18n } from '../../lib/i18n';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';

/** The bell's list of messages (notification-bell.tsx loads it on first open). */
export function NotificationDrawer({
  open,
  onClose,
  unread,
}: {
  open: boolean;
  onClose: () => void;
  unread: number;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <Drawer
      title={t('notifications.title')}
      open={open}
      onClose={onClose}
      size={360}
      extra={
        <Button
          size="small"
          onClick={() => markAll.mutate()}
          disabled={!unread}
          loading={markAll.isPending}
        >
          {t('notifications.markAll')}
        </Button>
      }
    >
      {list.isPending ? (
        <Spin />
      ) : list.data?.items.length ? (
        <List
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                onClose();
                void navigate(casePath(n.caseId));
              }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text
                    strong={!n.readAt}
                    style={{ fontWeight: n.readAt ? 'normal' : 600 }}
                  >
                    {n.readAt ? null : <Badge status="processing" style={{ marginRight: 6 }} />}
                    {n.text}
                  </Typography.Text>
                }
                description={formatDateTime(n.createdAt, lang)}
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </Drawer>
  );
}
