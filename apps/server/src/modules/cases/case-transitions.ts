import {
  decide,
  type CaseState,
  type CaseTransitionRequest,
  type DecideErrorCode,
  type DecideInput,
  type ServerFacts,
} from '@wangge/shared';
import { pseudoActor, type Actor } from '../../core/auth/actor';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { applyCaseEffects, notifyTargets, withDeadlines } from './apply-case-effects';
import { readStored, toSnapshot } from './case-record';
import { sweepOverdue } from './case-sweep';
import { changed, type CasesContext } from './cases-context';
import { assigneeCovers, caseActionable } from './cases.policy';
import type { CasesTable } from './cases.tables';

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

/** The sweep acts as the pseudo-role `system`, over every area. */
const SWEEP_ACTOR = pseudoActor('system', { code: 'system', name: '系统' });

const stale = (row: CasesTable) =>
  new AppError('conflict', '案件已被他人处理，请刷新后重试', {
    details: { state: row.state, version: row.version },
  });

/**
 * The workflow's moves: the shared table decides (state, role, scope, separation of duties), this file
 * gathers the facts only the server knows, applies the effects and appends the event in one transaction.
 */
export function createCaseTransitions(ctx: CasesContext) {
  const { deps, repo } = ctx;

  /** Facts only the server can establish; never taken from the request body. */
  async function facts(
    actor: Actor,
    row: CasesTable,
    input: CaseTransitionRequest,
  ): Promise<ServerFacts> {
    const f: ServerFacts = {};
    if (input.assigneeId) {
      // An unknown id reads as someone outside the grid: the table's guard then answers both alike, so the
      // answer never tells whether an account exists.
      const u = await deps.userFacts(input.assigneeId);
      f.assignee = {
        userId: input.assigneeId,
        roleCodes: u?.roleCodes ?? [],
        departmentId: u?.departmentId ?? null,
        inScope: assigneeCovers(u, row.grid_code),
      };
    }
    if (input.gps) {
      const at = await deps.gridAt(input.gps.lng, input.gps.lat, 'wgs84');
      f.gpsInGrid = at?.place.gridCode === row.grid_code;
    }
    if (input.masterCaseId) {
      // The master resolves through the caller's scope: one outside it answers as one that does not exist.
      const master = await repo.findById(actor.scope, input.masterCaseId);
      if (!master)
        throw new AppError('validation_failed', '合并目标案件不存在', { field: 'masterCaseId' });
      f.masterState = master.state as CaseState;
    }
    // 自行处置: a configurable share goes to 核查 anyway (§2.2); the draw is the server's (deps.random).
    if (input.action === 'accept' && readStored(row).selfHandled)
      f.sampleCheck = ctx.random() < (deps.selfHandleSampleRate ?? 0.1);
    if (input.action === 'dispatch') {
      const suggested = await deps.suggestDepartment({
        classCode: row.class_code,
        gridCode: row.grid_code,
        componentId: row.component_id,
      });
      if (suggested) f.suggestedDeptId = suggested;
    }
    return f;
  }

  async function checkReferences(actor: Actor, input: CaseTransitionRequest) {
    if (input.departmentId && !(await deps.departmentExists(input.departmentId)))
      throw new AppError('validation_failed', '部门不存在', { field: 'departmentId' });
    if (input.classCode && !(await deps.category(input.classCode))?.active)
      throw new AppError('validation_failed', `分类 ${input.classCode} 不存在或已停用`, {
        field: 'classCode',
      });
    if (input.conditionId) {
      const c = await deps.condition(input.conditionId);
      if (!c) throw new AppError('validation_failed', '立案条件不存在', { field: 'conditionId' });
      // A 子类/细类 may be registered under its 小类's conditions.
      if (input.classCode && !input.classCode.startsWith(c.classCode))
        throw new AppError('validation_failed', `立案条件不属于分类 ${input.classCode}`, {
          field: 'conditionId',
        });
    }
    if (input.photos?.length && !(await deps.photosOwnedBy(input.photos, actor.id)))
      throw new AppError('validation_failed', '照片不存在或不是您上传的', { field: 'photos' });
  }

  /** One workflow action: state, role, scope, separation of duties and version checked; one event appended. */
  async function transition(actor: Actor, id: string, input: CaseTransitionRequest) {
    const row = await repo.findById(FULL_SCOPE, id);
    // Nobody learns of a case they could neither see nor act on.
    if (!row || !caseActionable(actor, row)) throw notFound('案件');
    if (row.version !== input.version) throw stale(row);
    await checkReferences(actor, input);
    const now = deps.clock.now();
    const { action, version: _v, ...body } = input;
    const decideInput: DecideInput = {
      ...body,
      facts: await facts(actor, row, input),
    } as DecideInput;
    const result = decide(toSnapshot(row), action, ctx.actorContext(actor, row, now), decideInput);
    if (!result.ok)
      throw new AppError(DECIDE_HTTP[result.code], result.message, {
        ...(result.field ? { field: result.field } : {}),
        details: { reason: result.code, state: row.state, version: row.version },
      });
    const { patch, eventData, deadlines } = await applyCaseEffects(
      row,
      result.effects,
      ctx.effectCtx(now),
    );
    const next = { ...row, ...patch, version: row.version + 1, updated_at: now.toISOString() };
    await deps.db.transaction().execute(async (tx) => {
      const ok = await repo.updateIfVersion(tx, id, row.version, {
        ...patch,
        version: next.version,
        updated_at: next.updated_at,
      });
      if (!ok) throw stale(row);
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
        data: JSON.stringify({ ...body, effects: eventData, ...withDeadlines(deadlines) }),
        at: now.toISOString(),
      });
      if (deps.projectCase) {
        // A 合并 also changes the master's facts: a patrol report merged into it may turn its 漏报 around.
        const ids = action === 'merge' && input.masterCaseId ? [id, input.masterCaseId] : [id];
        const logs = [];
        for (const caseId of ids) {
          const log = await repo.logIn(tx, caseId);
          if (log) logs.push(log);
        }
        await deps.projectCase(tx, ...logs);
      }
      const targets = notifyTargets(result.effects);
      if (targets.length && deps.deliverNotifications)
        await deps.deliverNotifications(tx, next, targets, {
          action,
          reason: input.reason ?? null,
          at: now.toISOString(),
        });
    });
    deps.publish(changed(next, action, row.state, next.updated_at));
    return ctx.view(actor, next);
  }

  /** Raises automatic yellow/red 督办 on overdue cases (case-sweep.ts), through the same path as a user's 督办. */
  function sweep(now: Date = deps.clock.now()) {
    return sweepOverdue(
      {
        repo,
        calendar: deps.calendar,
        thresholds: async (id) => {
          const c = await deps.condition(id);
          return {
            ...(c?.yellowCardAt ? { yellowAt: c.yellowCardAt } : {}),
            ...(c?.redCardAt ? { redAt: c.redCardAt } : {}),
          };
        },
        apply: async (row, level, note) => {
          await transition(SWEEP_ACTOR, row.id, {
            action: 'supervise',
            version: row.version,
            level,
            note,
          });
        },
      },
      now,
    );
  }

  return { transition, sweep };
}
