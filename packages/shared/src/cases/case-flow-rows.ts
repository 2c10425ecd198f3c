import { FIELD_ROLES, REQUEST_APPROVER, type RequestType } from './case-actions';
import {
  acknowledgeEffects,
  closeRequestEffect,
  dispatchEffects,
  notifyReporter,
  openRequestEffect,
} from './case-effects';
import { row, type TransitionRow } from './case-table';

/**
 * The state table of docs/case-workflow.md §2, row by row. Overlays (督办, 催办, 批示, flags, 12345 撤回)
 * are in case-overlay-rows.
 */

const INTAKE = ['intake_operator'] as const;
const SHIFT = ['shift_leader'] as const;
const DISPATCHER = ['dispatcher'] as const;
const HANDLER = ['department_handler'] as const;

const collectRows: TransitionRow[] = [
  // 待确认: a human must confirm video/AI candidates; dismissed ones are not counted as reports.
  row('candidate', 'confirm', INTAKE, 'pending_acceptance'),
  row('candidate', 'dismiss', INTAKE, 'dismissed'),

  // 待受理
  row('pending_acceptance', 'accept', INTAKE, 'pending_registration', {
    when: 'notSelfHandled',
    effects: ({ c }) => notifyReporter(c, 'accept'),
  }),
  // 自行处置 fast path: no dispatch; straight to 结案, or to 核查 when drawn for the sample.
  row('pending_acceptance', 'accept', INTAKE, 'pending_close', { when: 'selfHandledUnsampled' }),
  row('pending_acceptance', 'accept', INTAKE, 'pending_check', { when: 'selfHandledSampled' }),
  row('pending_acceptance', 'reject', INTAKE, 'rejected', {
    inputs: ['reason'],
    effects: ({ c }) => notifyReporter(c, 'reject'),
  }),
  row('pending_acceptance', 'send_verify', INTAKE, 'verifying', {
    inputs: ['assigneeId'],
    inputGuards: ['verifyAssignee'],
    effects: ({ input }) => [{ type: 'assign', task: 'verify', userId: input.assigneeId ?? '' }],
  }),
  row('pending_acceptance', 'merge', INTAKE, 'merged', {
    inputs: ['masterCaseId'],
    inputGuards: ['masterMergeable'],
    effects: ({ c, input }) => [
      { type: 'set_master', masterCaseId: input.masterCaseId ?? '' },
      ...notifyReporter(c, 'merge'),
    ],
  }),

  // 核实中: only the assignee answers; a handling-department user never 核实s.
  row('verifying', 'verify_true', FIELD_ROLES, 'pending_registration', {
    inputs: ['photos', 'gps'],
    guards: ['isAssignedVerifier', 'notHandlingDeptUser'],
    inputGuards: ['gpsInGrid'],
    effects: () => [{ type: 'clear_assignment', task: 'verify' }],
  }),
  row('verifying', 'verify_false', FIELD_ROLES, 'pending_acceptance', {
    inputs: ['reason'],
    guards: ['isAssignedVerifier', 'notHandlingDeptUser'],
    effects: () => [{ type: 'clear_assignment', task: 'verify' }],
  }),
  row('verifying', 'reassign_verify', INTAKE, 'same', {
    inputs: ['assigneeId'],
    inputGuards: ['verifyAssignee'],
    effects: ({ input }) => [{ type: 'assign', task: 'verify', userId: input.assigneeId ?? '' }],
  }),
];

const registerRows: TransitionRow[] = [
  row('pending_registration', 'register', SHIFT, 'pending_dispatch', {
    inputs: ['classCode', 'conditionId'],
    guards: ['notHandlingDeptUser'],
    effects: ({ input }) => [
      {
        type: 'set_classification',
        classCode: input.classCode ?? '',
        conditionId: input.conditionId ?? '',
        recompute: 'register',
      },
      { type: 'start_case_clock', cause: 'register' },
    ],
  }),
  row('pending_registration', 'refuse_registration', SHIFT, 'rejected', {
    inputs: ['reason'],
    guards: ['notHandlingDeptUser'],
    effects: ({ c }) => notifyReporter(c, 'refuse_registration'),
  }),
  row('pending_registration', 'return_to_intake', SHIFT, 'pending_acceptance', {
    inputs: ['reason'],
  }),
];

/** 申请X: opens the request; the state stays and the clocks keep running while it waits. */
function requestRow(
  from: 'pending_dispatch' | 'handling' | 'closed',
  type: RequestType,
  roles: TransitionRow['roles'],
  extra: Partial<TransitionRow> = {},
): TransitionRow {
  const action = type === 'reopen' ? 'request_reopen' : (`request_${type}` as const);
  return row(from, action, roles, 'same', {
    requestType: type,
    inputs: ['reason'],
    ...extra,
    guards: [...(extra.guards ?? []), 'noOpenRequest'],
    effects: (ctx) => [openRequestEffect(ctx, type)],
  });
}

/** Approval (to = outcome) and refusal (state kept, reason recorded) of one request type. */
function decisionRows(
  from: 'pending_dispatch' | 'handling' | 'closed',
  type: RequestType,
  to: TransitionRow['to'],
  extra: Partial<TransitionRow> = {},
): TransitionRow[] {
  const roles = [REQUEST_APPROVER[type]];
  // 作废 is a 作废 decision whichever way it goes: a handling-department user may take neither.
  const sod = type === 'void' ? (['notHandlingDeptUser'] as const) : [];
  const guards = ['hasOpenRequest', 'approverNotRequester', ...sod] as const;
  const { effects: approveEffects, ...rest } = extra;
  return [
    row(from, 'approve_request', roles, to, {
      requestType: type,
      guards,
      ...rest,
      effects: (ctx) => [closeRequestEffect(ctx, true), ...(approveEffects?.(ctx) ?? [])],
    }),
    row(from, 'refuse_request', roles, 'same', {
      requestType: type,
      guards,
      inputs: ['reason'],
      effects: (ctx) => [
        closeRequestEffect(ctx, false),
        ...(type === 'reopen' ? notifyReporter(ctx.c, 'refuse_request') : []),
      ],
    }),
  ];
}

const dispatchRows: TransitionRow[] = [
  // First dispatch, 返工派遣 (same department after a failed 核查) and redirect share one action;
  // the effects classify it.
  row('pending_dispatch', 'dispatch', DISPATCHER, 'handling', {
    inputs: ['departmentId'],
    inputGuards: ['notSentBackDept'],
    effects: dispatchEffects,
  }),
  requestRow('pending_dispatch', 'void', DISPATCHER, { inputs: ['reason'] }),
  ...decisionRows('pending_dispatch', 'void', 'voided', {
    effects: ({ c }) => notifyReporter(c, 'void'),
  }),
];

const handlingRows: TransitionRow[] = [
  row('handling', 'acknowledge', HANDLER, 'same', {
    guards: ['notAcknowledged'],
    effects: (ctx) => acknowledgeEffects(ctx, true),
  }),
  row('handling', 'submit_feedback', HANDLER, 'feedback_review', {
    inputs: ['photos', 'result'],
    effects: (ctx) => acknowledgeEffects(ctx, true),
  }),
  requestRow('handling', 'send_back', HANDLER),
  requestRow('handling', 'extension', HANDLER, {
    inputs: ['reason', 'extension'],
    inputGuards: ['extensionPositive'],
  }),
  requestRow('handling', 'suspension', HANDLER),
  requestRow('handling', 'void', [...HANDLER, ...DISPATCHER]),
  ...decisionRows('handling', 'send_back', 'pending_dispatch', {
    // The department said "not ours": the re-dispatch must go elsewhere and counts as 错误派遣.
    effects: ({ c }) =>
      c.handlingDeptId ? [{ type: 'set_sent_back_dept', departmentId: c.handlingDeptId }] : [],
  }),
  ...decisionRows('handling', 'extension', 'same', {
    inputGuards: ['extensionPositive'],
    effects: ({ c, input }) => {
      // The approver may grant a different amount than asked.
      const extension = input.extension ?? c.pendingRequests.extension?.extension;
      return extension ? [{ type: 'extend_deadline', extension }] : [];
    },
  }),
  ...decisionRows('handling', 'suspension', 'suspended', { clock: 'pause' }),
  ...decisionRows('handling', 'void', 'voided', { effects: ({ c }) => notifyReporter(c, 'void') }),

  // 挂账: the handling clock is paused; 恢复 restores the remaining time.
  row('suspended', 'resume', DISPATCHER, 'handling', { clock: 'resume' }),
  row('suspended', 'void', SHIFT, 'voided', {
    inputs: ['reason'],
    guards: ['notHandlingDeptUser'],
    effects: ({ c }) => notifyReporter(c, 'void'),
  }),
];

const checkCloseRows: TransitionRow[] = [
  // `system` accepts when feedback review is configured to auto-pass.
  row('feedback_review', 'accept_feedback', [...DISPATCHER, 'system'], 'pending_check'),
  row('feedback_review', 'return_feedback', DISPATCHER, 'handling', {
    inputs: ['reason'],
    clock: 'continue',
  }),

  row('pending_check', 'send_check', INTAKE, 'checking', {
    inputs: ['assigneeId'],
    inputGuards: ['checkAssignee'],
    effects: ({ input }) => [{ type: 'assign', task: 'check', userId: input.assigneeId ?? '' }],
  }),
  row('checking', 'check_pass', FIELD_ROLES, 'pending_close', {
    inputs: ['photos'],
    guards: ['isAssignedChecker', 'notHandlingDeptUser', 'actorNotHandler'],
    effects: () => [{ type: 'clear_assignment', task: 'check' }],
  }),
  row('checking', 'check_fail', FIELD_ROLES, 'pending_dispatch', {
    inputs: ['reason'],
    guards: ['isAssignedChecker', 'notHandlingDeptUser', 'actorNotHandler'],
    effects: () => [
      { type: 'clear_assignment', task: 'check' },
      { type: 'set_flag', flag: 'rework', value: true },
    ],
  }),
  row('checking', 'reassign_check', INTAKE, 'same', {
    inputs: ['assigneeId'],
    inputGuards: ['checkAssignee'],
    effects: ({ input }) => [{ type: 'assign', task: 'check', userId: input.assigneeId ?? '' }],
  }),

  row('pending_close', 'close', SHIFT, 'closed', {
    inputs: ['closeReason'],
    guards: ['notHandlingDeptUser', 'actorNotHandler'],
    inputGuards: ['closeReasonConsistent'],
    effects: ({ c, input }) => [
      { type: 'set_close_reason', closeReason: input.closeReason ?? 'fixed' },
      { type: 'set_timestamp', field: 'closedAt' },
      { type: 'open_reopen_window' },
      ...notifyReporter(c, 'close'),
      // 回单: result and attachments go back to the 12345 centre.
      ...(c.source === 'hotline_12345' ? [{ type: 'external_writeback' } as const] : []),
    ],
  }),
  row('pending_close', 'refuse_close', SHIFT, 'pending_dispatch', {
    inputs: ['reason'],
    guards: ['notHandlingDeptUser', 'actorNotHandler'],
    effects: () => [{ type: 'set_flag', flag: 'rework', value: true }],
  }),
];

const closedRows: TransitionRow[] = [
  row('closed', 'rate', ['citizen', 'hotline_center'], 'same', {
    inputs: ['rating'],
    guards: ['notRated'],
    effects: (ctx) => {
      const { c, actor, input } = ctx;
      const effects: ReturnType<NonNullable<TransitionRow['effects']>> = [
        input.reason
          ? { type: 'set_rating', rating: input.rating ?? 'satisfied', reason: input.reason }
          : { type: 'set_rating', rating: input.rating ?? 'satisfied' },
      ];
      // 不满意 with a reason inside the window creates the reopen request (§2.2 评价 and reopen).
      const inWindow =
        c.reopenWindowEndsAt != null && Date.parse(actor.now) <= Date.parse(c.reopenWindowEndsAt);
      if (
        input.rating === 'dissatisfied' &&
        input.reason &&
        inWindow &&
        !c.pendingRequests.reopen
      ) {
        effects.push(openRequestEffect(ctx, 'reopen'));
      }
      return effects;
    },
  }),
  // 受理员 logs a complaint received by phone or in person.
  requestRow('closed', 'reopen', ['citizen', 'hotline_center', 'intake_operator'], {
    guards: ['withinReopenWindow'],
  }),
  ...decisionRows('closed', 'reopen', 'pending_dispatch', {
    effects: ({ c }) => [
      { type: 'increment', field: 'reopenCount' },
      { type: 'reset_rating' },
      { type: 'clear_timestamp', field: 'closedAt' },
      { type: 'start_case_clock', cause: 'reopen' },
      ...notifyReporter(c, 'approve_request'),
    ],
  }),
];

export const FLOW_ROWS: readonly TransitionRow[] = [
  ...collectRows,
  ...registerRows,
  ...dispatchRows,
  ...handlingRows,
  ...checkCloseRows,
  ...closedRows,
];
