import type { Needs, Platform, WiredModule } from '../../wiring';
import { createNotificationsService, type NotificationsService } from './notifications.service';
import { registerNotificationsRoutes } from './notifications.routes';

/** 站内消息: needs which cases merged into a case (their reporters hear of the master's outcome); the cases module delivers. */
export function notificationsModule(
  p: Platform,
  needs: Needs<'cases'>,
): WiredModule<NotificationsService> {
  const service = createNotificationsService({
    db: p.db,
    clock: p.clock,
    mergedInto: (tx, ids) => needs().cases.mergedInto(tx, ids),
  });
  return { service, routes: (app) => registerNotificationsRoutes(app, service) };
}
