import type { Kysely } from 'kysely';
import {
  WorkWindowsSchema,
  type CalendarResponse,
  type ImportCalendarRequest,
  type ImportCalendarResponse,
  type PutCalendarDayRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import type { AuditService } from '../audit';
import { createSettingsStore, type SettingsStore } from '../system';
import { createCalendarRepo } from './calendar.repo';
import type { WorkCalendarTable } from './calendar.tables';
import { defaultWorkCalendar } from './default-calendar';
import { shanghaiDate } from './shanghai-time';
import { DEFAULT_WORK_WINDOWS, WorkCalendar, type WorkWindow } from './work-calendar';

export const WINDOWS_SETTING = 'calendar.windows';

const KIND_ZH: Record<string, string> = {
  holiday: '节假日',
  makeup_workday: '调休上班',
  workday: '工作日',
  weekend: '休息日',
};

export interface CalendarDeps {
  db: Kysely<DB>;
  clock: Clock;
  settings: SettingsStore;
  audit: Pick<AuditService, 'record'>;
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

  // Every change moves running deadlines: the write and its audit entry commit together.
  function record(
    tx: Kysely<DB>,
    actor: Actor,
    ip: string | null,
    targetId: string,
    detail: Record<string, unknown>,
  ) {
    return deps.audit.record(
      { action: 'calendar_changed', actor, targetType: 'work_calendar', targetId, ip, detail },
      tx,
    );
  }

  return {
    reload,
    current,
    needsNextYearAlert: (now: Date = deps.clock.now()) => current().needsNextYearAlert(now),

    async view(year?: number): Promise<CalendarResponse> {
      const now = deps.clock.now();
      const y = year ?? Number(shanghaiDate(now).slice(0, 4));
      const [days, windows, next] = await Promise.all([
        repo.listYear(y),
        readWindows(),
        repo.countYear(y + 1),
      ]);
      const alertYear = Number(shanghaiDate(now).slice(0, 4)) + 1;
      return {
        year: y,
        days,
        windows,
        hasNextYear: next > 0,
        alert: current().needsNextYearAlert(now)
          ? `${alertYear} 年节假日安排尚未录入：国务院通知发布后请及时录入，否则明年的办理时限只按周一至周五计算`
          : null,
      };
    },

    async setDay(
      actor: Actor,
      date: string,
      input: PutCalendarDayRequest,
      ip: string | null = null,
    ) {
      await deps.db.transaction().execute(async (tx) => {
        const txRepo = createCalendarRepo(tx);
        const before = await txRepo.find(date);
        await txRepo.upsert({
          date,
          kind: input.kind,
          name: input.name,
          source: source(actor),
          updated_at: deps.clock.now().toISOString(),
        });
        const was = before
          ? `（原为 ${KIND_ZH[before.kind] ?? before.kind}${before.name ? `「${before.name}」` : ''}）`
          : '';
        await record(tx, actor, ip, date, {
          change: 'day_set',
          summary: `${date} 设为${KIND_ZH[input.kind]}${input.name ? `「${input.name}」` : ''}${was}`,
          kind: input.kind,
          name: input.name,
          before: before ?? null,
        });
      });
      await reload();
      return { date, kind: input.kind, name: input.name };
    },

    async deleteDay(actor: Actor, date: string, ip: string | null = null): Promise<void> {
      await deps.db.transaction().execute(async (tx) => {
        const txRepo = createCalendarRepo(tx);
        const before = await txRepo.find(date);
        if (!before || !(await txRepo.delete(date))) throw notFound(`日历条目 ${date} `);
        await record(tx, actor, ip, date, {
          change: 'day_deleted',
          summary: `删除 ${date} 的设置（原为 ${KIND_ZH[before.kind] ?? before.kind}），恢复周一至周五规则`,
          before,
        });
      });
      await reload();
    },

    async setWindows(
      actor: Actor,
      windows: WorkWindow[],
      ip: string | null = null,
    ): Promise<WorkWindow[]> {
      // The schema already checked them; the calendar's own check is the one deadlines rely on.
      let cal: WorkCalendar;
      try {
        cal = new WorkCalendar({ days: [], windows });
      } catch (e) {
        throw new AppError('validation_failed', (e as Error).message, { field: 'windows' });
      }
      const before = await readWindows();
      const text = (ws: readonly WorkWindow[]) => ws.map((w) => `${w.start}–${w.end}`).join('、');
      await deps.db.transaction().execute(async (tx) => {
        await createSettingsStore(tx).set(WINDOWS_SETTING, cal.windows);
        await record(tx, actor, ip, 'windows', {
          change: 'windows_set',
          summary: `工作时段改为 ${text(cal.windows)}（原为 ${text(before)}）`,
          windows: cal.windows,
          before,
        });
      });
      await reload();
      return [...cal.windows];
    },

    async importYear(
      actor: Actor,
      input: ImportCalendarRequest,
      ip: string | null = null,
    ): Promise<ImportCalendarResponse> {
      const errors: ImportRowError[] = [];
      const seen = new Map<string, number>();
      input.rows.forEach((r, index) => {
        const field = `rows.${index}.date`;
        if (!r.date.startsWith(`${input.year}-`))
          errors.push({ index, field, message: `${r.date} 不在 ${input.year} 年` });
        const first = seen.get(r.date);
        if (first !== undefined)
          errors.push({ index, field, message: `${r.date} 与第 ${first} 行重复` });
        else seen.set(r.date, index);
      });
      if (errors.length > 0) {
        throw new AppError('validation_failed', `${errors.length} 行有误，未导入任何数据`, {
          field: errors[0]!.field,
          details: errors,
        });
      }
      const now = deps.clock.now().toISOString();
      const from = `导入 ${actor.username}`;
      const rows: WorkCalendarTable[] = input.rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.name,
        source: from,
        updated_at: now,
      }));
      const replaced = await deps.db.transaction().execute(async (tx) => {
        const n = await createCalendarRepo(tx).replaceYear(input.year, rows);
        const holidays = rows.filter((r) => r.kind === 'holiday').length;
        const makeup = rows.filter((r) => r.kind === 'makeup_workday').length;
        const summary = `导入 ${input.year} 年节假日安排 ${rows.length} 天（节假日 ${holidays}，调休上班 ${makeup}），替换原有 ${n} 条`;
        await record(tx, actor, ip, String(input.year), {
          change: 'year_imported',
          summary,
          year: input.year,
          imported: rows.length,
          replaced: n,
        });
        return n;
      });
      await reload();
      return { year: input.year, replaced, imported: rows.length };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
