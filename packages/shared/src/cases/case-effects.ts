import type { CaseAction, RequestType } from './case-actions';
import type { RuleContext } from './case-guards';
import type { CaseSnapshot, DispatchKind, Effect, PendingRequest } from './case-types';

/**
 * Classifies a dispatch for the indicators (docs/case-workflow.md §6): `redirect` = another department than the
 * last one (错误派遣), `rework` = the same department after a failed 核查 or refused 结案 (返工).
 * A same-department dispatch after an approved 重开 is `reopen`: it is counted by reopenCount, not as 返工.
 */
export function dispatchKind(c: CaseSnapshot, departmentId: string): DispatchKind {
  if (c.handlingDeptId == null) return 'first';
  if (c.handlingDeptId !== departmentId) return 'redirect';
  return c.flags.rework ? 'rework' : 'reopen';
}

export function dispatchEffects({ c, input }: RuleContext): Effect[] {
  const departmentId = input.departmentId ?? '';
  const kind = dispatchKind(c, departmentId);
  const suggested = input.facts?.suggestedDeptId;
  const overridden = suggested !== undefined && suggested !== departmentId;
  const effects: Effect[] = [
    { type: 'record_dispatch', departmentId, kind, overridden },
    { type: 'set_handling_dept', departmentId },
    { type: 'clear_timestamp', field: 'acknowledgedAt' },
    { type: 'start_step', step: 'acknowledge' },
  ];
  if (kind === 'rework') effects.push({ type: 'increment', field: 'reworkCount' });
  if (c.flags.rework) effects.push({ type: 'set_flag', flag: 'rework', value: false });
  if (c.sentBackByDeptId != null) effects.push({ type: 'set_sent_back_dept', departmentId: null });
  return effects;
}

/** The handler of the current dispatch: 签收 once, and feedback implies 签收. */
export function acknowledgeEffects({ c, actor }: RuleContext, withHandler: boolean): Effect[] {
  const effects: Effect[] = [];
  if (!c.acknowledged)
    effects.push(
      { type: 'set_timestamp', field: 'acknowledgedAt' },
      { type: 'end_step', step: 'acknowledge' },
    );
  if (withHandler && !c.handlerUserIds.includes(actor.userId))
    effects.push({ type: 'add_handler', userId: actor.userId });
  return effects;
}

export function openRequestEffect({ actor, input }: RuleContext, type: RequestType): Effect {
  const request: PendingRequest = {
    type,
    byUserId: actor.userId,
    reason: input.reason ?? '',
    at: actor.now,
  };
  if (type === 'extension' && input.extension) request.extension = input.extension;
  if (type === 'void' && input.linkedCaseId) request.linkedCaseId = input.linkedCaseId;
  return { type: 'open_request', request };
}

export function closeRequestEffect(ctx: RuleContext, approved: boolean): Effect {
  const requestType = ctx.requestType ?? ctx.input.requestType;
  if (requestType === undefined) throw new Error('closeRequestEffect needs a request row');
  const effect: Effect = {
    type: 'close_request',
    requestType,
    outcome: approved ? 'approved' : 'refused',
  };
  return ctx.input.reason ? { ...effect, reason: ctx.input.reason } : effect;
}

/** Tell the reporter (and the 12345 centre for hotline orders) about an outcome they follow. */
export function notifyReporter(c: CaseSnapshot, about: CaseAction): Effect[] {
  const effects: Effect[] = [];
  if (c.reporterId != null) effects.push({ type: 'notify', target: 'reporter', about });
  if (c.source === 'hotline_12345') effects.push({ type: 'notify', target: 'hotline', about });
  return effects;
}

export function notifyOwner(about: CaseAction): Effect {
  return { type: 'notify', target: 'owner', about };
}
