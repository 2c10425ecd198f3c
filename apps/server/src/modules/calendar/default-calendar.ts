import { CN_HOLIDAYS_2026 } from './holidays-2026';
import { WorkCalendar, type CalendarDay, type WorkWindow } from './work-calendar';

/** Holiday notices shipped with the product; later years are entered by administrators. */
export const BUILTIN_CALENDAR_DAYS: readonly CalendarDay[] = CN_HOLIDAYS_2026;

/**
 * The calendar used until an org has its own table: the shipped holiday notices with the default (or the given)
 * working-hours windows.
 */
export function defaultWorkCalendar(windows?: readonly WorkWindow[]): WorkCalendar {
  return new WorkCalendar({ days: BUILTIN_CALENDAR_DAYS, ...(windows ? { windows } : {}) });
}
