import type { Kysely } from 'kysely';
import { WorkWindowsSchema, type CalendarResponse, type ImportCalendarRequest, type ImportCalendarResponse, type PutCalendarDayRequest } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import type { SettingsRepo } from '../system';
import { createCalendarRepo } from './calendar.repo';
import type { WorkCalendarTable } from './calendar.tables';
import { defaultWorkCalendar } from './default-calendar';
import { shanghaiDate } from './shanghai-time';
import { DEFAULT_WORK_WINDOWS, WorkCalendar, type WorkWindow } from './work-calendar';

export const WINDOWS_SETTING = 'calendar.windows';

export interface CalendarDeps {
  db: Kysely<DB>;
  clock: Clock;
  settings: SettingsRepo;
  onError?: (err: unknown) => void;
  /** Another process may have edited the table: a cache older than this is refreshed in the background. */
  maxAgeMs?: number;
  /** Monotonic milliseconds for the cache age (not the injectable clock, which tests move by days). */
  ticks?: () => number;
}

/** Row-level problems of an import, all of them, so the whole file can be fixed in one go. */
export interface ImportRowError {
  index: number;
  field: string;
  message: string;
}

/**
 * The editable working calendar. Deadline arithmetic is synchronous, so callers read a cached WorkCalendar
 * (`current()`); every write here reloads it, and a cache older than `maxAgeMs` is refreshed in the background
 * so edits made by another process arrive within about a minute.
 */
export function createCalendarService(deps: CalendarDeps) {
  const repo = createCalendarRepo(deps.db);
  const maxAgeMs = deps.maxAgeMs ?? 60_000;
  const ticks = deps.ticks ?? (() => performance.now());
  // Until the first load (createApp awaits one) the shipped calendar stands in: CLI commands that build services
  // without an app, such as the demo seeder, still get the seeded 2026 schedule.
  let cache = { cal: defaultWorkCalendar(), loadedAt: Number.NEGATIVE_INFINITY, seq: 0 };
  let started = 0;
  let refreshing: Promise<unknown> | null = null;

  async function readWindows(): Promise<WorkWindow[]> {
    const parsed = WorkWindowsSchema.safeParse(await deps.settings.get<unknown>(WINDOWS_SETTING));
    return parsed.success ? parsed.data : [...DEFAULT_WORK_WINDOWS];
  }

  async function reload(): Promise<WorkCalendar> {
    // Loads may overlap (a background refresh and a write); a load started later saw newer rows, so it wins.
    const seq = ++started;
    const [days, windows] = await Promise.all([repo.all(), readWindows()]);
    const cal = new WorkCalendar({ days, windows });
    if (seq > cache.seq) cache = { cal, loadedAt: ticks(), seq };
    return cache.cal;
  }

  function current(): WorkCalendar {
    if (ticks() - cache.loadedAt > maxAgeMs && cache.seq > 0 && !refreshing) {
      refreshing = reload()
        .catch((err: unknown) => deps.onError?.(err))
        .finally(() => (refreshing = null));
    }
    return cache.cal;
  }

  const source = (actor: Actor) => `手工修改 ${actor.username}`;

  return {
    reload,
    current,
    needsNextYearAlert: (now: Date = deps.clock.now()) => current().needsNextYearAlert(now),

    async view(year?: number): Promise<CalendarResponse> {
      const now = deps.clock.now();
      const y = year ?? Number(shanghaiDate(now).slice(0, 4));
      const [days, windows, next] = await Promise.all([repo.listYear(y), readWindows(), repo.countYear(y + 1)]);
      const alertYear = Number(shanghaiDate(now).slice(0, 4)) + 1;
      return {
        year: y,
        days,
        windows,
        hasNextYear: next > 0,
        alert: current().needsNextYearAlert(now) ? `${alertYear} 年节假日安排尚未录入：国务院通知发布后请及时录入，否则明年的办理时限只按周一至周五计算` : null,
      };
    },

    async setDay(actor: Actor, date: string, input: PutCalendarDayRequest) {
      await repo.upsert({ date, kind: input.kind, name: input.name, source: source(actor), updated_at: deps.clock.now().toISOString() });
      await reload();
      return { date, kind: input.kind, name: input.name };
    },

    async deleteDay(date: string): Promise<void> {
      if (!(await repo.delete(date))) throw notFound(`日历条目 ${date} `);
      await reload();
    },

    async setWindows(windows: WorkWindow[]): Promise<WorkWindow[]> {
      // The schema already checked them; the calendar's own check is the one deadlines rely on.
      let cal: WorkCalendar;
      try {
        cal = new WorkCalendar({ days: [], windows });
      } catch (e) {
        throw new AppError('validation_failed', (e as Error).message, { field: 'windows' });
      }
      await deps.settings.set(WINDOWS_SETTING, cal.windows);
      await reload();
      return [...cal.windows];
    },

    async importYear(actor: Actor, input: ImportCalendarRequest): Promise<ImportCalendarResponse> {
      const errors: ImportRowError[] = [];
      const seen = new Map<string, number>();
      input.rows.forEach((r, index) => {
        const field = `rows.${index}.date`;
        if (!r.date.startsWith(`${input.year}-`)) errors.push({ index, field, message: `${r.date} 不在 ${input.year} 年` });
        const first = seen.get(r.date);
        if (first !== undefined) errors.push({ index, field, message: `${r.date} 与第 ${first} 行重复` });
        else seen.set(r.date, index);
      });
      if (errors.length > 0) {
        throw new AppError('validation_failed', `${errors.length} 行有误，未导入任何数据`, { field: errors[0]!.field, details: errors });
      }
      const now = deps.clock.now().toISOString();
      const from = `导入 ${actor.username}`;
      const rows: WorkCalendarTable[] = input.rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, source: from, updated_at: now }));
      const replaced = await repo.replaceYear(input.year, rows);
      await reload();
      return { year: input.year, replaced, imported: rows.length };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
