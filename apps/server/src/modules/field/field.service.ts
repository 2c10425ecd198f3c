import type { CaseView, FieldTaskCompleteRequest, FieldTaskCompleteResponse } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import { AppError } from '../../core/errors';
import type { CasesService } from '../cases';
import type { Crs, Position } from '../areas';
import type { FieldOpsRepo } from './field-ops.repo';

export interface FieldDeps {
  clock: Clock;
  ops: FieldOpsRepo;
  cases: () => Pick<CasesService, 'transition' | 'get'>;
  toWgs84: (p: Position, crs: Crs) => Position;
}

/** A claim older than this belongs to a process that died mid-way; the next copy may take it over. */
const STALE_CLAIM_MS = 2 * 60_000;

/**
 * The field app's writes that the case API cannot make idempotent by itself. A 核实/核查 answer carries the case
 * version, so a second copy of a sent answer would read as "changed by someone else" (409); the ledger tells the two
 * apart: the same key answers the first result (replayed), a real change by someone else stays a 409 the app shows.
 */
export function createFieldService(deps: FieldDeps) {
  const { ops, clock } = deps;

  async function completeTask(
    actor: Actor,
    caseId: string,
    input: FieldTaskCompleteRequest,
  ): Promise<FieldTaskCompleteResponse> {
    const now = clock.now();
    const claimed = await ops.claim({
      user_id: actor.id,
      op_key: input.key,
      kind: 'task',
      case_id: caseId,
      status: 'pending',
      at: now.toISOString(),
    });
    if (!claimed) {
      const prior = await ops.find(actor.id, input.key);
      if (prior && prior.case_id !== caseId)
        throw new AppError('validation_failed', '该幂等键已用于另一项任务', { field: 'key' });
      if (prior?.status === 'done')
        return { replayed: true, case: await deps.cases().get(actor, caseId) };
      const before = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
      if (!(await ops.retake(actor.id, input.key, before, now.toISOString())))
        throw new AppError('conflict', '该操作正在提交中，请稍后查看', {
          details: { reason: 'in_progress' },
        });
    }
    let view: CaseView;
    try {
      const gps = input.gps ? deps.toWgs84([input.gps.lng, input.gps.lat], input.gps.crs) : null;
      view = await deps.cases().transition(actor, caseId, {
        action: input.action,
        version: input.version,
        ...(input.note ? { note: input.note } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.photos ? { photos: input.photos } : {}),
        ...(gps ? { gps: { lng: gps[0], lat: gps[1] } } : {}),
      });
    } catch (err) {
      await ops.release(actor.id, input.key);
      throw err;
    }
    await ops.markDone(actor.id, input.key);
    return { replayed: false, case: view };
  }

  return { completeTask };
}
export type FieldService = ReturnType<typeof createFieldService>;
