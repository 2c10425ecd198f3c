/**
 * Working calendar and deadline arithmetic for case time limits (docs/case-workflow.md §3).
 *
 * The arithmetic is pure and synchronous: no database, no clock, no time-zone setting. Instants are `Date`s; civil
 * time is always Asia/Shanghai (UTC+8). The calendar service loads the rows from `work_calendar` and caches the
 * WorkCalendar; `defaultWorkCalendar()` ships the official 2026 schedule.
 *
 * Core rule: a deadline is the latest instant at which no more than the limit has elapsed, so for every `t`,
 * `t > addLimit(cal, s, v, type)` ⇔ `elapsed(cal, s, t, type) > v` ⇔ the light is red.
 */
export {
  WorkCalendar,
  DEFAULT_WORK_WINDOWS,
  type CalendarDay,
  type CalendarDayKind,
  type WorkWindow,
  type WorkCalendarInput,
} from './work-calendar';
export { defaultWorkCalendar, BUILTIN_CALENDAR_DAYS } from './default-calendar';
export { CN_HOLIDAYS_2026, CN_HOLIDAYS_2026_SOURCE } from './holidays-2026';
export {
  addLimit,
  addLimitAfterPauses,
  elapsed,
  elapsedExcluding,
  LIMIT_TYPES,
  type LimitType,
  type Pause,
} from './deadline';
export {
  cardLevel,
  light,
  limitRatio,
  DEFAULT_RED_CARD_AT,
  DEFAULT_YELLOW_CARD_AT,
  YELLOW_LIGHT_AT,
  type CardLevel,
  type CardThresholds,
  type Light,
} from './traffic-light';
export { shanghaiDate } from './shanghai-time';
// The editable calendar: a table of dates and the working-hours setting, cached for the synchronous arithmetic.
export { createCalendarService, WINDOWS_SETTING, type CalendarService } from './calendar.service';
export { registerCalendarRoutes } from './calendar.routes';
export { calendarModule } from './calendar.module';
