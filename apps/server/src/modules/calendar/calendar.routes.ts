import {
  CalendarDateParamSchema,
  CalendarDaySchema,
  CalendarQuerySchema,
  CalendarResponseSchema,
  CalendarWindowsResponseSchema,
  ImportCalendarRequestSchema,
  ImportCalendarResponseSchema,
  OkResponseSchema,
  PutCalendarDayRequestSchema,
  PutCalendarWindowsRequestSchema,
} from '@wangge/shared';
import type { App } from '../../core/http/app-types';
import { actorOf } from '../../core/http/guard.plugin';
import type { RouteAuth } from '../../core/http/route-auth';
import type { CalendarService } from './calendar.service';

// Everyone who reads case configuration may see the calendar (it explains deadlines); changing it moves every
// running deadline, so it has its own permission. The calendar is not area data: scope is global.
const read: { auth: RouteAuth } = { auth: { permission: 'categories.read', scope: 'global' } };
const manage: { auth: RouteAuth } = { auth: { permission: 'calendar.manage', scope: 'global' } };

export function registerCalendarRoutes(app: App, calendar: CalendarService): void {
  const tags = ['calendar'];
  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary: '工作日历 (节假日、调休、工作时段)',
        querystring: CalendarQuerySchema,
        response: { 200: CalendarResponseSchema },
      },
      config: read,
    },
    async (req) => calendar.view(req.query.year),
  );
  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '设置某日 (节假日/调休上班/工作日/休息日)',
        params: CalendarDateParamSchema,
        body: PutCalendarDayRequestSchema,
        response: { 200: CalendarDaySchema },
      },
      config: manage,
    },
    async (req) => calendar.setDay(actorOf(req), req.params.date, req.body, req.ip),
  );
  app.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '删除某日设置 (恢复周一至周五规则)',
        params: CalendarDateParamSchema,
        response: { 200: OkResponseSchema },
      },
      config: manage,
    },
    async (req) => {
      await calendar.deleteDay(actorOf(req), req.params.date, req.ip);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/calendar/windows',
    {
      schema: {
        tags,
        summary: '设置每日工作时段',
        body: PutCalendarWindowsRequestSchema,
        response: { 200: CalendarWindowsResponseSchema },
      },
      config: manage,
    },
    async (req) => ({ windows: await calendar.setWindows(actorOf(req), req.body.windows, req.ip) }),
  );
  app.post(
    '/api/calendar/import',
    {
      schema: {
        tags,
        summary: '导入一年的节假日安排 (整体替换该年)',
        body: ImportCalendarRequestSchema,
        response: { 200: ImportCalendarResponseSchema },
      },
      config: manage,
    },
    async (req) => calendar.importYear(actorOf(req), req.body, req.ip),
  );
}
