import type { Kysely, Transaction } from 'kysely';
import { allowedActions, decidableRequests, nextSteps, type ActorContext } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import type { WriteTransaction } from '../../core/db/group-commit';
import type { GridOfPoint, GridPlace } from '../areas';
import type { AuditEvent } from '../audit';
import type { WorkCalendar } from '../calendar';
import type { ConditionLimits, NotifyTarget } from './apply-case-effects';
import { clockViews, overallLight } from './case-clocks';
import { readStored, toSnapshot } from './case-record';
import { caseVisible } from './cases.policy';
import { createCasesRepo } from './cases.repo';
import type { CaseTextIndex } from './case-search';
import type { CaseEventsTable, CasesTable } from './cases.tables';
import { presentCase } from './cases.presenter';

// The areas module's port, re-exported for callers that name a case's place.
export type { GridPlace };

/** What the case engine asks of other modules; wired in createServices. */
export interface CasesDeps {
  db: Kysely<DB>;
  clock: Clock;
  /**
   * Uniform draws in [0, 1) for the server's chance decisions (the 自行处置 核查 sample). Defaults to
   * Math.random; tests pass a seeded or scripted one so a walk replays exactly.
   */
  random?: () => number;
  calendar: () => WorkCalendar;
  gridAt: GridOfPoint;
  category(code: string): Promise<{
    kind: string;
    active: boolean;
    selfHandleAllowed: boolean;
    duplicateRadiusM: number;
  } | null>;
  condition(id: string | null): Promise<
    | (ConditionLimits & {
        classCode: string;
        yellowCardAt: number | null;
        redCardAt: number | null;
      })
    | null
  >;
  departmentExists(id: string): Promise<boolean>;
  suggestDepartment(q: {
    classCode: string | null;
    gridCode: string;
    componentId: string | null;
  }): Promise<string | null>;
  userFacts(id: string): Promise<{
    roleCodes: string[];
    departmentId: string | null;
    scopeCodes: string[];
    all: boolean;
  } | null>;
  photosOwnedBy(ids: string[], userId: string): Promise<boolean>;
  /** A registered 部件 by its 17-digit (or legacy 16-digit) code (components module). */
  componentByCode(code: string): Promise<{ id: string; classCode: string } | null>;
  /** Share of 自行处置 reports drawn for a 核查 (default 0.1). */
  selfHandleSampleRate?: number;
  /** Whether a database error is a unique-constraint violation (dialect). */
  isUniqueViolation(err: unknown): boolean;
  /** Which trigram index serves the search box (case-search.ts); defaults to SQLite's FTS5 table. */
  textIndex?: CaseTextIndex;
  /** Names for the export and the reporter search (areas, classes, staff), looked up in other modules. */
  lookups?: CaseLookups;
  /** The audit log (exports). */
  audit?: { record(e: AuditEvent): Promise<void> };
  /** Called after a case change is committed (live updates); must not throw. */
  publish(event: CaseChangedEvent): void;
  /** The transaction of an intake: on SQLite, reports arriving together share one commit (core/db/group-commit). */
  intakeTransaction?: WriteTransaction<DB>;
  /** PostgreSQL: a report without photos is one statement (one round trip instead of four). */
  insertsInWith?: boolean;
  /**
   * Delivers the transition's `notify` effects (站内消息) inside its transaction, so a message exists exactly
   * when the change does. `row` is the case after the change.
   */
  /**
   * Rewrites the cases' indicator facts from their whole logs (a 合并 two), inside the transaction that appended the event, so the
   * indicator figures read from them are never behind the log (modules/indicators).
   */
  projectCase?(tx: Transaction<DB>, ...logs: CaseLog[]): Promise<void>;
  deliverNotifications?(
    tx: Transaction<DB>,
    row: CasesTable,
    targets: readonly NotifyTarget[],
    about: { action: string; reason: string | null; at: string },
  ): Promise<void>;
}

/** A case row with its whole event log, in `seq` order. */
export interface CaseLog {
  row: CasesTable;
  events: readonly CaseEventsTable[];
  /** Report times of the patrol cases merged into this one (合并). */
  mergedPatrolReportsAt?: readonly string[];
}

/** Other modules' names, for the sheet and for finding reporters by name. */
export interface CaseLookups {
  areaNames(codes: string[]): Promise<Map<string, string>>;
  classNames(codes: string[]): Promise<Map<string, string>>;
  /** "姓名（用户名）" of staff among `ids` that the viewer's scope covers */
  userNames(ids: string[], viewer: Actor): Promise<Map<string, string>>;
  /** Accounts in the viewer's scope whose name or username contains `text` (at most a few hundred) */
  usersNamed(viewer: Actor, text: string): Promise<string[]>;
}

/** What live listeners learn of a committed change: enough to filter by scope and department. */
export interface CaseChangedEvent {
  type: 'case.changed';
  caseId: string;
  caseNo: string;
  action: string;
  fromState: string | null;
  state: string;
  gridCode: string;
  communityCode: string;
  streetCode: string;
  adminCode: string;
  handlingDeptId: string | null;
  at: string;
  /** The case's channel, so a listener that follows one channel (the 12345 exchange) need not read the case. */
  source?: string;
}

export const changed = (
  row: CasesTable,
  action: string,
  fromState: string | null,
  at: string,
): CaseChangedEvent => ({
  type: 'case.changed',
  caseId: row.id,
  caseNo: row.case_no,
  action,
  fromState,
  state: row.state,
  gridCode: row.grid_code,
  communityCode: row.community_code,
  streetCode: row.street_code,
  adminCode: row.admin_code,
  handlingDeptId: row.handling_dept_id,
  at,
  source: row.source,
});

/** Helpers shared by the case use-cases (intake, transitions, queries): one repo, one view of a case. */
export function createCasesContext(deps: CasesDeps) {
  const repo = createCasesRepo(deps.db, deps.textIndex);
  // Read at each draw, not captured: the default stays Math.random as it is when the draw happens.
  const random = deps.random ?? (() => Math.random());
  const effectCtx = (now: Date) => ({
    cal: deps.calendar(),
    now,
    condition: (id: string | null) => deps.condition(id),
  });

  /** The workflow's view of the actor on this case: the area rule comes from the actor's scope (cases.policy). */
  function actorContext(actor: Actor, row: CasesTable, now: Date): ActorContext {
    return {
      userId: actor.id,
      roleCodes: actor.roles.map((r) => r.code),
      departmentId: actor.departmentId,
      inScope: caseVisible(actor, row),
      now: now.toISOString(),
    };
  }

  /** A case as this actor sees it now: clocks and lights at the current time, and what they may do next. */
  async function view(actor: Actor, row: CasesTable) {
    const now = deps.clock.now();
    const cal = deps.calendar();
    const stored = readStored(row);
    const snap = toSnapshot(row, stored);
    const ctx = actorContext(actor, row, now);
    return presentCase(row, stored, {
      clocks: clockViews(cal, stored.clocks, now),
      // A 12345 order's clock runs from the 派单 (the report) to the centre's deadline.
      overallLight: overallLight(cal, row.registered_at, row.deadline_at, now, {
        from: row.created_at,
        deadlineAt: stored.externalDeadline ?? null,
      }),
      allowedActions: allowedActions(snap, ctx),
      decidableRequests: decidableRequests(snap, ctx),
      nextSteps: nextSteps(snap),
    });
  }

  return { deps, repo, random, effectCtx, actorContext, view };
}
export type CasesContext = ReturnType<typeof createCasesContext>;
export type CaseViewOf = Awaited<ReturnType<CasesContext['view']>>;
