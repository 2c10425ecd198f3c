import type { Kysely, Transaction } from 'kysely';
import {
  CHANNEL_FIELDS,
  allowedActions,
  decidableRequests,
  decide,
  intakeEntry,
  type ActorContext,
  type CaseSource,
  type CaseState,
  type CaseListQuery,
  type CaseTransitionRequest,
  type ReportCaseRequest,
  type DecideErrorCode,
  type DecideInput,
  type ServerFacts,
} from '@wangge/shared';
import { pseudoActor, type Actor } from '../../core/auth/actor';
import { FULL_SCOPE, inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { plainTransactions, type WriteTransaction } from '../../core/db/group-commit';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { WorkCalendar } from '../calendar';
import { applyCaseEffects, notifyTargets, type ConditionLimits, type NotifyTarget } from './apply-case-effects';
import { clockViews, overallLight } from './case-clocks';
import { emptyStored, readStored, toSnapshot } from './case-record';
import { createCasesRepo, type QueueFilter } from './cases.repo';
import { sweepOverdue } from './case-sweep';
import type { CasesTable } from './cases.tables';
import { caseNumber, presentCase, presentEvent } from './cases.presenter';


export interface GridPlace {
  gridCode: string;
  gridVersion: number;
  communityCode: string;
  streetCode: string;
  adminCode: string;
}

/** What the case engine asks of other modules; wired in createServices. */
export interface CasesDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar: () => WorkCalendar;
  gridAt(lng: number, lat: number, crs: 'wgs84' | 'gcj02' | 'bd09'): Promise<{ place: GridPlace; position: [number, number] } | null>;
  category(code: string): Promise<{ kind: string; active: boolean; selfHandleAllowed: boolean; duplicateRadiusM: number } | null>;
  condition(id: string | null): Promise<(ConditionLimits & { classCode: string; yellowCardAt: number | null; redCardAt: number | null }) | null>;
  departmentExists(id: string): Promise<boolean>;
  suggestDepartment(q: { classCode: string | null; gridCode: string; componentId: string | null }): Promise<string | null>;
  userFacts(id: string): Promise<{ roleCodes: string[]; departmentId: string | null; scopeCodes: string[]; all: boolean } | null>;
  photosOwnedBy(ids: string[], userId: string): Promise<boolean>;
  /** A registered 部件 by its 17-digit (or legacy 16-digit) code (components module). */
  componentByCode(code: string): Promise<{ id: string; classCode: string } | null>;
  /** Share of 自行处置 reports drawn for a 核查 (default 0.1). */
  selfHandleSampleRate?: number;
  /** Whether a database error is a unique-constraint violation (dialect). */
  isUniqueViolation(err: unknown): boolean;
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
  deliverNotifications?(tx: Transaction<DB>, row: CasesTable, targets: readonly NotifyTarget[], about: { action: string; reason: string | null; at: string }): Promise<void>;
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
}

const changed = (row: CasesTable, action: string, fromState: string | null, at: string): CaseChangedEvent => ({
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
});

/** decide's refusals as HTTP answers: who you are → 403, what you sent → 400, the case's state → 409. */
const DECIDE_HTTP: Record<DecideErrorCode, 'forbidden' | 'validation_failed' | 'conflict'> = {
  not_allowed_in_state: 'conflict',
  role_not_allowed: 'forbidden',
  out_of_scope: 'forbidden',
  not_handling_department: 'forbidden',
  not_reporter: 'forbidden',
  not_assignee: 'forbidden',
  separation_of_duties: 'forbidden',
  approver_is_requester: 'forbidden',
  missing_input: 'validation_failed',
  invalid_input: 'validation_failed',
  request_pending: 'conflict',
  no_pending_request: 'conflict',
  window_expired: 'conflict',
  already_done: 'conflict',
  supervision_active: 'conflict',
  no_supervision: 'conflict',
};

/** Great-circle distance in metres (haversine). */
function metres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** The sweep acts as the pseudo-role `system`, over every area. */
const SWEEP_ACTOR = pseudoActor('system', { code: 'system', name: '系统' });

const LEADER_ROLES = new Set(['district_leader', 'street_leader', 'community_leader']);

function sourceFor(actor: Actor, requested: CaseSource | undefined): CaseSource {
  if (requested) return requested;
  const roles = new Set(actor.roles.map((r) => r.code));
  if ([...roles].some((r) => LEADER_ROLES.has(r))) return 'leader';
  if (roles.has('intake_operator')) return 'staff_entry';
  return 'patrol';
}

export function createCasesService(deps: CasesDeps) {
  const repo = createCasesRepo(deps.db);
  const intakeTransaction = deps.intakeTransaction ?? plainTransactions(deps.db);
  const effectCtx = (now: Date) => ({ cal: deps.calendar(), now, condition: (id: string | null) => deps.condition(id) });

  function actorContext(actor: Actor, row: CasesTable, now: Date): ActorContext {
    return { userId: actor.id, roleCodes: actor.roles.map((r) => r.code), departmentId: actor.departmentId, inScope: inScope(actor.scope, row.grid_code), now: now.toISOString() };
  }

  async function view(actor: Actor, row: CasesTable) {
    const now = deps.clock.now();
    const cal = deps.calendar();
    const stored = readStored(row);
    const snap = toSnapshot(row, stored);
    const ctx = actorContext(actor, row, now);
    return presentCase(row, stored, {
      clocks: clockViews(cal, stored.clocks, now),
      // A 12345 order's clock runs from the 派单 (the report) to the centre's deadline.
      overallLight: overallLight(cal, row.registered_at, row.deadline_at, now, { from: row.created_at, deadlineAt: stored.externalDeadline ?? null }),
      allowedActions: allowedActions(snap, ctx),
      decidableRequests: decidableRequests(snap, ctx),
    });
  }

  /** Facts only the server can establish; never taken from the request body. */
  async function facts(actor: Actor, row: CasesTable, input: CaseTransitionRequest): Promise<ServerFacts> {
    const f: ServerFacts = {};
    if (input.assigneeId) {
      // An unknown id reads as someone outside the grid: the table's guard then answers both alike, so the
      // answer never tells whether an account exists.
      const u = await deps.userFacts(input.assigneeId);
      const inScope = Boolean(u && (u.all || u.scopeCodes.some((c) => row.grid_code.startsWith(c))));
      f.assignee = { userId: input.assigneeId, roleCodes: u?.roleCodes ?? [], departmentId: u?.departmentId ?? null, inScope };
    }
    if (input.gps) {
      const at = await deps.gridAt(input.gps.lng, input.gps.lat, 'wgs84');
      f.gpsInGrid = at?.place.gridCode === row.grid_code;
    }
    if (input.masterCaseId) {
      // The master resolves through the caller's scope: one outside it answers as one that does not exist.
      const master = await repo.findById(actor.scope, input.masterCaseId);
      if (!master) throw new AppError('validation_failed', '合并目标案件不存在', { field: 'masterCaseId' });
      f.masterState = master.state as CaseState;
    }
    // 自行处置: a configurable share goes to 核查 anyway (§2.2); the draw is the server's.
    if (input.action === 'accept' && readStored(row).selfHandled) f.sampleCheck = Math.random() < (deps.selfHandleSampleRate ?? 0.1);
    if (input.action === 'dispatch') {
      const suggested = await deps.suggestDepartment({ classCode: row.class_code, gridCode: row.grid_code, componentId: row.component_id });
      if (suggested) f.suggestedDeptId = suggested;
    }
    return f;
  }

  async function checkReferences(actor: Actor, input: CaseTransitionRequest) {
    if (input.departmentId && !(await deps.departmentExists(input.departmentId)))
      throw new AppError('validation_failed', '部门不存在', { field: 'departmentId' });
    if (input.classCode && !(await deps.category(input.classCode))?.active)
      throw new AppError('validation_failed', `分类 ${input.classCode} 不存在或已停用`, { field: 'classCode' });
    if (input.conditionId) {
      const c = await deps.condition(input.conditionId);
      if (!c) throw new AppError('validation_failed', '立案条件不存在', { field: 'conditionId' });
      // A 子类/细类 may be registered under its 小类's conditions.
      if (input.classCode && !input.classCode.startsWith(c.classCode))
        throw new AppError('validation_failed', `立案条件不属于分类 ${input.classCode}`, { field: 'conditionId' });
    }
    if (input.photos?.length && !(await deps.photosOwnedBy(input.photos, actor.id)))
      throw new AppError('validation_failed', '照片不存在或不是您上传的', { field: 'photos' });
  }

  return {
    /** Whether a case exists at all (components module: a 部件's linked case); no scope, no existence leak outward. */
    caseExists: async (id: string): Promise<boolean> => Boolean(await repo.findById(FULL_SCOPE, id)),

    /** Cases merged into any of `ids`, inside the caller's transaction (notifications: reporters follow the master). */
    mergedInto: (tx: Transaction<DB>, ids: string[]) => repo.mergedInto(tx, ids),

    /** 上报: one case per idempotency key, located, timed and logged in one transaction. */
    async report(actor: Actor, input: ReportCaseRequest): Promise<{ created: boolean; case: Awaited<ReturnType<typeof view>> }> {
      if (input.idempotencyKey) {
        const existing = await repo.findByIdempotencyKey(`${actor.id}:${input.idempotencyKey}`);
        if (existing) return { created: false, case: await view(actor, existing) };
      }
      const source = sourceFor(actor, input.source);
      // The HTTP schema also requires each channel's details; modules calling report() directly are only kept
      // from attaching them to the wrong channel.
      for (const [field, only, label] of CHANNEL_FIELDS) {
        if (source !== only && input[field]) throw new AppError('validation_failed', `只有来源 ${only} 可以填写${label}`, { field });
      }
      if (input.hotline) {
        // 12345 may re-send a 派单: the order's case answers, like a retry with the same idempotency key.
        const existing = await repo.findByExternalId(input.hotline.orderId);
        if (existing && !inScope(actor.scope, existing.grid_code))
          throw new AppError('conflict', `12345 工单 ${input.hotline.orderId} 已登记`, { field: 'hotline.orderId' });
        if (existing) return { created: false, case: await view(actor, existing) };
      }
      const at = await deps.gridAt(input.lng, input.lat, input.crs);
      if (!at) throw new AppError('validation_failed', '该位置不在任何网格内', { field: 'lng' });
      if (!inScope(actor.scope, at.place.gridCode)) throw new AppError('forbidden', '该位置不在您的管辖范围内');
      let kind = 'matter';
      let classCode = input.classCode;
      let componentId: string | null = null;
      if (input.componentCode) {
        const component = await deps.componentByCode(input.componentCode);
        if (!component) throw new AppError('validation_failed', `部件 ${input.componentCode} 未登记`, { field: 'componentCode' });
        componentId = component.id;
        // A 部件's problem is filed under the 事项 of the same digits (…异常) unless named.
        classCode ??= component.classCode;
      }
      if (classCode) {
        const category = await deps.category(classCode);
        if (!category?.active) throw new AppError('validation_failed', `分类 ${classCode} 不存在或已停用`, { field: input.classCode ? 'classCode' : 'componentCode' });
        if (input.selfHandled && !category.selfHandleAllowed) throw new AppError('validation_failed', '该分类不允许自行处置', { field: 'selfHandled' });
        kind = category.kind;
      }
      if (input.selfHandled && !input.photos?.length) throw new AppError('validation_failed', '自行处置须上传处置前后照片', { field: 'photos' });
      if (input.photos?.length && !(await deps.photosOwnedBy(input.photos, actor.id)))
        throw new AppError('validation_failed', '照片不存在或不是您上传的', { field: 'photos' });
      const frame = input.detection?.imageId;
      if (frame && !(await deps.photosOwnedBy([frame], actor.id)))
        throw new AppError('validation_failed', '识别图片不存在或不是您上传的', { field: 'detection.imageId' });
      // The detected frame is the candidate's evidence: it joins the photos, so it is linked and shown like one.
      if (frame && !input.photos?.includes(frame)) input = { ...input, photos: [...(input.photos ?? []), frame] };

      const now = deps.clock.now();
      const entry = intakeEntry({ source, reporterId: actor.id });
      const externalDeadline = input.hotline?.deadline ? new Date(input.hotline.deadline).toISOString() : null;
      const stored = {
        ...emptyStored(Boolean(input.selfHandled)),
        photos: input.photos ?? [],
        ...(input.hotline ? { externalDeadline } : {}),
        ...(input.detection ? { detection: input.detection } : {}),
      };
      const id = newId();
      const base: CasesTable = {
        id,
        case_no: caseNumber(now),
        state: entry.state,
        is_open: 1,
        version: 1,
        source,
        kind,
        class_code: classCode ?? null,
        condition_id: null,
        component_id: componentId,
        admin_code: at.place.adminCode,
        street_code: at.place.streetCode,
        community_code: at.place.communityCode,
        grid_code: at.place.gridCode,
        grid_version: at.place.gridVersion,
        lng: at.position[0],
        lat: at.position[1],
        address: input.address,
        description: input.description,
        reporter_id: actor.id,
        // A 12345 order id is the order's idempotency key, whoever enters it: a re-send racing the first one is
        // then answered by the intake's unique-key path with the case that won.
        idempotency_key: input.hotline ? `hotline_12345:${input.hotline.orderId}` : input.idempotencyKey ? `${actor.id}:${input.idempotencyKey}` : null,
        external_id: input.hotline?.orderId ?? null,
        handling_dept_id: null,
        master_case_id: null,
        close_reason: null,
        supervision_level: null,
        urgent: input.urgent ? 1 : 0,
        rework_count: 0,
        reopen_count: 0,
        step: null,
        step_started_at: null,
        step_limit: null,
        due_at: '9999-12-31T00:00:00.000Z',
        deadline_at: null,
        registered_at: null,
        closed_at: null,
        snapshot: JSON.stringify(stored),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      const { patch } = await applyCaseEffects(base, entry.effects, effectCtx(now));
      const row = { ...base, ...patch };
      const event = {
        id: newId(),
        case_id: id,
        seq: 1,
        action: 'report',
        from_state: null,
        to_state: row.state,
        actor_id: actor.id,
        actor_name: actor.displayName,
        actor_role: actor.roles[0]?.code ?? null,
        note: null,
        data: JSON.stringify({
          source,
          photos: input.photos ?? [],
          selfHandled: Boolean(input.selfHandled),
          ...(input.hotline ? { hotline: { orderId: input.hotline.orderId, deadline: externalDeadline } } : {}),
          // The model version is logged with the detection, so a bad release's candidates can be found.
          ...(input.detection ? { detection: input.detection } : {}),
        }),
        at: now.toISOString(),
      };
      for (let attempt = 1; ; attempt++) {
        try {
          if (deps.insertsInWith && !input.photos?.length) await repo.insertInOneStatement(row, event);
          else
            await intakeTransaction(async (tx) => {
              await repo.insert(tx, row, event);
              await repo.linkAttachments(tx, id, input.photos ?? [], 1);
            });
          break;
        } catch (e) {
          if (!deps.isUniqueViolation(e)) throw e;
          // A retry racing its own first attempt: the key is taken, answer the case that won.
          const existing = row.idempotency_key ? await repo.findByIdempotencyKey(row.idempotency_key) : undefined;
          if (existing) return { created: false, case: await view(actor, existing) };
          // Otherwise the random case number was taken (rare): draw another.
          if (attempt >= 3) throw e;
          row.case_no = caseNumber(now);
        }
      }
      deps.publish(changed(row, 'report', null, row.created_at));
      return { created: true, case: await view(actor, row) };
    },

    async get(actor: Actor, id: string) {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('案件');
      return view(actor, row);
    },

    async events(actor: Actor, id: string) {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('案件');
      return (await repo.events(id)).map(presentEvent);
    },

    async list(actor: Actor, q: CaseListQuery) {
      const filter: QueueFilter = {
        states: q.state ? q.state.split(',') : undefined,
        open: q.open,
        classCode: q.classCode,
        areaCode: q.areaCode,
        departmentId: q.mine === 'department' ? (actor.departmentId ?? '-') : q.departmentId,
        overdueBefore: q.overdue ? deps.clock.now().toISOString() : undefined,
        limit: q.limit,
        offset: q.offset,
      };
      const rows = await repo.list(actor.scope, filter);
      return Promise.all(rows.map((r) => view(actor, r)));
    },

    /**
     * 重复案件: open cases of the same class within the class's radius (default 50 m), nearest
     * first — offered at 受理 for 合并, and to reporters before they submit.
     */
    async nearby(actor: Actor, q: { lng: number; lat: number; classCode: string; excludeId?: string | undefined }) {
      const category = await deps.category(q.classCode);
      if (!category) throw new AppError('validation_failed', `分类 ${q.classCode} 不存在`, { field: 'classCode' });
      const radius = category.duplicateRadiusM || 50;
      const dLat = radius / 111_320;
      const dLng = radius / (111_320 * Math.cos((q.lat * Math.PI) / 180));
      const place = await deps.gridAt(q.lng, q.lat, 'wgs84');
      if (!place) return [];
      const rows = await repo.nearbyOpen(actor.scope, place.place.streetCode, q.classCode, [q.lng - dLng, q.lat - dLat, q.lng + dLng, q.lat + dLat], q.excludeId);
      const withDistance = rows
        .map((r) => ({ row: r, distanceM: metres(q.lng, q.lat, r.lng, r.lat) }))
        .filter((x) => x.distanceM <= radius)
        .sort((a, b) => a.distanceM - b.distanceM);
      return Promise.all(withDistance.map(async (x) => ({ distanceM: Math.round(x.distanceM), case: await view(actor, x.row) })));
    },

    async duplicatesOf(actor: Actor, id: string) {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('案件');
      if (!row.class_code) return [];
      return this.nearby(actor, { lng: row.lng, lat: row.lat, classCode: row.class_code, excludeId: id });
    },

    /** Whether the actor may see an attachment because it belongs to a case they can read. */
    canViewAttachment: (actor: Actor, attachmentId: string) => repo.attachmentVisible(actor.scope, attachmentId),

    /** Raises automatic yellow/red 督办 on overdue cases; run every minute by the server. */
    async sweep(now: Date = deps.clock.now()) {
      return sweepOverdue(
        {
          repo,
          calendar: deps.calendar,
          thresholds: async (id) => {
            const c = await deps.condition(id);
            return { ...(c?.yellowCardAt ? { yellowAt: c.yellowCardAt } : {}), ...(c?.redCardAt ? { redAt: c.redCardAt } : {}) };
          },
          apply: async (row, level, note) => {
            await this.transition(SWEEP_ACTOR, row.id, { action: 'supervise', version: row.version, level, note });
          },
        },
        now,
      );
    },

    /** One workflow action: state, role, scope, separation of duties and version checked; one event appended. */
    async transition(actor: Actor, id: string, input: CaseTransitionRequest) {
      const row = await repo.findById(FULL_SCOPE, id);
      // Nobody learns of a case they could neither see nor act on.
      if (!row || (!inScope(actor.scope, row.grid_code) && !(actor.departmentId && row.handling_dept_id === actor.departmentId) && row.reporter_id !== actor.id))
        throw notFound('案件');
      if (row.version !== input.version)
        throw new AppError('conflict', '案件已被他人处理，请刷新后重试', { details: { state: row.state, version: row.version } });
      await checkReferences(actor, input);
      const now = deps.clock.now();
      const { action, version: _v, ...body } = input;
      const decideInput: DecideInput = { ...body, facts: await facts(actor, row, input) } as DecideInput;
      const result = decide(toSnapshot(row), action, actorContext(actor, row, now), decideInput);
      if (!result.ok) throw new AppError(DECIDE_HTTP[result.code], result.message, { ...(result.field ? { field: result.field } : {}), details: { reason: result.code, state: row.state, version: row.version } });
      const { patch, eventData } = await applyCaseEffects(row, result.effects, effectCtx(now));
      const next = { ...row, ...patch, version: row.version + 1, updated_at: now.toISOString() };
      await deps.db.transaction().execute(async (tx) => {
        const ok = await repo.updateIfVersion(tx, id, row.version, { ...patch, version: next.version, updated_at: next.updated_at });
        if (!ok) throw new AppError('conflict', '案件已被他人处理，请刷新后重试', { details: { state: row.state, version: row.version } });
        const seq = await repo.nextSeq(tx, id);
        await repo.linkAttachments(tx, id, input.photos ?? [], seq);
        await repo.appendEvent(tx, {
          id: newId(),
          case_id: id,
          seq,
          action,
          from_state: row.state,
          to_state: result.nextState,
          actor_id: actor.id,
          actor_name: actor.displayName,
          actor_role: result.actedAs,
          note: input.note ?? null,
          data: JSON.stringify({ ...body, effects: eventData }),
          at: now.toISOString(),
        });
        const targets = notifyTargets(result.effects);
        if (targets.length && deps.deliverNotifications) await deps.deliverNotifications(tx, next, targets, { action, reason: input.reason ?? null, at: now.toISOString() });
      });
      deps.publish(changed(next, action, row.state, next.updated_at));
      return view(actor, next);
    },
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
