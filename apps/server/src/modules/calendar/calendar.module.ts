import type { Needs, Platform, WiredModule } from '../../wiring';
import { createCalendarService, type CalendarService } from './calendar.service';
import { registerCalendarRoutes } from './calendar.routes';

/**
 * Needs the settings store (working hours). Deadlines are computed synchronously from the cached calendar;
 * createApp loads it before serving.
 */
export function calendarModule(
  p: Platform,
  needs: Needs<'settings'>,
): WiredModule<CalendarService> {
  const service = createCalendarService({
    db: p.db,
    clock: p.clock,
    settings: needs().settings,
    audit: p.audit,
    onError: p.onError,
  });
  return { service, routes: (app) => registerCalendarRoutes(app, service) };
}
