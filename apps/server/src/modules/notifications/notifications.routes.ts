import {
  IdParamSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSchema,
  UnreadCountSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { NotificationsService } from './notifications.service';

// Every user reads only their own messages: 'authenticated' + 'self'.
const SELF = { permission: 'authenticated', scope: 'self' } as const;

export function registerNotificationsRoutes(app: App, notifications: NotificationsService): void {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的消息 (最新在前, 含未读数)',
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationListSchema },
      },
      config: { auth: SELF },
    },
    async (req) => notifications.list(actorOf(req), req.query),
  );
  app.get(
    '/api/notifications/unread-count',
    {
      schema: { tags, summary: '未读消息数', response: { 200: UnreadCountSchema } },
      config: { auth: SELF },
    },
    async (req) => notifications.unreadCount(actorOf(req)),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读',
        params: IdParamSchema,
        response: { 200: NotificationSchema },
      },
      config: { auth: SELF },
    },
    async (req) => notifications.markRead(actorOf(req), req.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: { tags, summary: '全部标记已读', response: { 200: UnreadCountSchema } },
      config: { auth: SELF },
    },
    async (req) => notifications.markAllRead(actorOf(req)),
  );
}
