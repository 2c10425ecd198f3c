import {
  rowsFor,
  type CaseAction,
  type CaseState,
  type InputField,
  type RequestType,
} from '@wangge/shared';

/** A field the action form can show: the workflow's inputs plus a few optional extras. */
export type ActionField = InputField | 'requestType';

export interface ActionFieldSpec {
  field: ActionField;
  required: boolean;
}

/**
 * What an action asks for, read from the shared workflow table (the same one the server decides
 * with), so the form and the server never disagree on required inputs.
 */
export function actionFields(
  state: CaseState,
  action: CaseAction,
  requestType?: RequestType,
): ActionFieldSpec[] {
  const rows = rowsFor(state, action).filter(
    (r) => !requestType || !r.requestType || r.requestType === requestType,
  );
  const required = new Set<InputField>(rows.flatMap((r) => [...r.inputs]));
  const specs: ActionFieldSpec[] = [];
  const add = (field: ActionField, isRequired: boolean) => {
    if (!specs.some((s) => s.field === field)) specs.push({ field, required: isRequired });
  };
  if (action === 'approve_request' || action === 'refuse_request') add('requestType', true);
  for (const field of required) add(field, true);
  if (action === 'supervise') add('level', true);
  if (action === 'rate') add('reason', false);
  // Every action may carry a free-text note (说明) for the timeline.
  add('note', false);
  return specs;
}

/** Actions that end or refuse something: shown as danger buttons. */
export const DANGER_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'reject',
  'dismiss',
  'refuse_registration',
  'check_fail',
  'refuse_close',
  'void',
  'request_void',
  'refuse_request',
  'verify_false',
  'return_feedback',
  'return_to_intake',
]);

/** Overlay actions (督办, 催办, flags…) go into a secondary row below the main workflow buttons. */
export const OVERLAY_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'supervise',
  'reply_supervision',
  'cancel_supervision',
  'urge',
  'leader_instruct',
  'recategorise',
  'set_flags',
  'withdraw',
]);
