import {
  DEFAULT_SUPERVISION_SETTINGS,
  LEADER_ROLE_OF_LEVEL,
  SUPERVISION_LEADER_LEVELS,
  SupervisionSettingsSchema,
  type SupervisionBoard,
  type SupervisionBoardQuery,
  type SupervisionCase,
  type SupervisionMine,
  type SupervisionSettings,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE, type AreaScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { AuditEvent } from '../audit';
import type { WorkCalendar } from '../calendar';
import type { SupervisionDigest } from '../cases';
import { dueForEscalation } from './supervision-escalation';

/** The settings key of the escalation time (the deployment's key/value settings). */
export const SUPERVISION_SETTING = 'supervision.escalation';
/** One board holds the most urgent cases up to this many; more is said, not listed. */
const BOARD_LIMIT = 500;
/** The sweep reads the 督办 a page of this many at a time (answered and top-level ones stay open for long). */
const SWEEP_PAGE = 500;

export interface SupervisionDeps {
  clock: Clock;
  calendar: () => WorkCalendar;
  settings: {
    get<T>(key: string): Promise<T | null>;
    set(key: string, value: unknown): Promise<void>;
  };
  audit: { record(e: AuditEvent): Promise<void> };
  digest(
    scope: AreaScope,
    q: {
      areaCode?: string | undefined;
      includeOverdue: boolean;
      thread: boolean;
      limit: number;
      offset?: number;
    },
  ): Promise<SupervisionDigest[]>;
  /** Applies `escalate_supervision` as the system at the version read (the cases module's transition). */
  escalate(caseId: string, version: number, note: string): Promise<void>;
  departmentNames(ids: string[]): Promise<Map<string, string>>;
  areaNames(codes: string[]): Promise<Map<string, string>>;
}

const UNDISPATCHED = '未派遣';

/** The API's view of a digest: without the version and issuer the server keeps for itself. */
function present(d: SupervisionDigest): SupervisionCase {
  const { version: _v, issuerId: _i, levelSince: _l, ...view } = d;
  return view;
}

export function createSupervisionService(deps: SupervisionDeps) {
  async function settings(): Promise<SupervisionSettings> {
    // A value written by hand that no longer parses falls back to the default rather than stopping the sweep.
    const parsed = SupervisionSettingsSchema.safeParse(
      await deps.settings.get(SUPERVISION_SETTING),
    );
    return parsed.success ? parsed.data : DEFAULT_SUPERVISION_SETTINGS;
  }

  return {
    /** 工作监督: open cases under 督办 or overdue in the caller's area, grouped by department or grid. */
    async board(actor: Actor, q: SupervisionBoardQuery): Promise<SupervisionBoard> {
      const found = await deps.digest(actor.scope, {
        areaCode: q.areaCode,
        includeOverdue: true,
        thread: true,
        limit: BOARD_LIMIT + 1,
      });
      const cases = found.slice(0, BOARD_LIMIT);
      const keyOf = (d: SupervisionDigest) =>
        q.groupBy === 'department' ? d.handlingDeptId : d.gridCode;
      const keys = [...new Set(cases.map(keyOf))];
      const known = keys.filter((k): k is string => k !== null);
      const names =
        q.groupBy === 'department'
          ? await deps.departmentNames(known)
          : await deps.areaNames(known);
      const groups = keys.map((key) => {
        const list = cases.filter((d) => keyOf(d) === key);
        const level = (l: string) => list.filter((d) => d.supervision?.level === l).length;
        return {
          key,
          name: key === null ? UNDISPATCHED : (names.get(key) ?? key),
          count: list.length,
          red: level('red'),
          yellow: level('yellow'),
          normal: level('normal'),
          overdue: list.filter((d) => d.overdue).length,
          unanswered: list.filter((d) => d.supervision && !d.supervision.replied).length,
          cases: list.map(present),
        };
      });
      // Most red cards first, then most cases: the board reads from the worst.
      groups.sort((a, b) => b.red - a.red || b.count - a.count || a.name.localeCompare(b.name));
      return {
        at: deps.clock.now().toISOString(),
        groupBy: q.groupBy,
        total: cases.length,
        truncated: found.length > BOARD_LIMIT,
        groups,
      };
    },

    /** 我的督办: the 督办 the caller raised, and those escalated to a leader level the caller holds in their area. */
    async mine(actor: Actor): Promise<SupervisionMine> {
      const roles = new Set(actor.roles.map((r) => r.code));
      const levels = SUPERVISION_LEADER_LEVELS.filter((l) => roles.has(LEADER_ROLE_OF_LEVEL[l]));
      const found = await deps.digest(actor.scope, {
        includeOverdue: false,
        thread: true,
        limit: BOARD_LIMIT,
      });
      const items: SupervisionMine['items'] = [];
      for (const d of found) {
        const s = d.supervision;
        if (!s) continue;
        if (d.issuerId === actor.id) items.push({ ...present(d), why: 'raised' });
        else if (s.escalatedAt && s.leaderLevel && levels.includes(s.leaderLevel))
          items.push({ ...present(d), why: 'escalated' });
      }
      return { at: deps.clock.now().toISOString(), items };
    },

    settings,

    async updateSettings(
      actor: Actor,
      input: SupervisionSettings,
      ip: string | null,
    ): Promise<SupervisionSettings> {
      const before = await settings();
      await deps.settings.set(SUPERVISION_SETTING, input);
      await deps.audit.record({
        action: 'supervision_settings_changed',
        actor,
        targetType: 'supervision_settings',
        targetId: SUPERVISION_SETTING,
        ip,
        detail: { before: before.escalateAfter, after: input.escalateAfter },
      });
      return input;
    },

    /**
     * 督办升级: every unanswered 督办 past the configured working time moves one leader level up, through the
     * workflow (an `escalate_supervision` event, the leaders told in its transaction). Each case is written at the
     * version read, so when several processes sweep at once one escalation lands and the others are refused as stale;
     * the next run measures from the escalation, so nothing escalates twice for the same wait.
     */
    async escalate(now: Date = deps.clock.now()): Promise<{ checked: number; escalated: number }> {
      const cal = deps.calendar();
      const current = await settings();
      let checked = 0;
      let escalated = 0;
      for (let offset = 0; ; offset += SWEEP_PAGE) {
        const page = await deps.digest(FULL_SCOPE, {
          includeOverdue: false,
          thread: false,
          limit: SWEEP_PAGE,
          offset,
        });
        checked += page.length;
        for (const { digest, note } of dueForEscalation(page, cal, current, now)) {
          await deps.escalate(digest.caseId, digest.version, note).then(
            () => escalated++,
            () => undefined, // changed meanwhile (another process, a reply): the next run looks again
          );
        }
        if (page.length < SWEEP_PAGE) break;
      }
      return { checked, escalated };
    },
  };
}
export type SupervisionService = ReturnType<typeof createSupervisionService>;
