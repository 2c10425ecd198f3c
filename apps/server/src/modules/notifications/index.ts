/** 站内消息: case outcomes told to reporters (staff users and citizen receipts), delivered with the transition. */
export {
  createNotificationsService,
  type NotificationsService,
  type NotificationsDeps,
  type CaseNotice,
} from './notifications.service';
export { registerNotificationsRoutes } from './notifications.routes';
export { notificationsModule } from './notifications.module';
