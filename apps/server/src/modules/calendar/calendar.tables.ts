import type { CalendarDayKind } from './work-calendar';

/** One listed date of the working calendar ('YYYY-MM-DD', Shanghai). Unlisted dates follow Monday–Friday. */
export interface WorkCalendarTable {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** The notice a row came from, or who edited it by hand. */
  source: string;
  updated_at: string;
}
export interface CalendarTables {
  work_calendar: WorkCalendarTable;
}
