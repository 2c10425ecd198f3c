import { useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { casePath } from '../../app/paths';
import { formatDateTime, useI18n } from '../../lib/i18n';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './api';

/** 我的消息: a bell with the unread count; the list opens in a drawer, and opening a message marks it read. */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  return (
    <>
      <Badge count={count.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.title')}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        title={t('notifications.title')}
        open={open}
        onClose={() => setOpen(false)}
        size={360}
        extra={
          <Button
            size="small"
            onClick={() => markAll.mutate()}
            disabled={!count.data?.unread}
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
                  setOpen(false);
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
    </>
  );
}
