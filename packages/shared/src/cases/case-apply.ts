import type { CaseSnapshot, Effect } from './case-types';

export interface ApplyOptions {
  now: string;
  /** Length of the reopen window; 7 自然日 is a placeholder default (§2.2). */
  reopenWindowMs?: number;
}

const DEFAULT_REOPEN_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * Applies effects to a snapshot, for tests and for the UI's optimistic update. The server applies the same
 * effects to its rows; effects that only touch clocks, events or notifications leave the snapshot as is.
 */
export function applyEffects(
  c: CaseSnapshot,
  effects: readonly Effect[],
  opts: ApplyOptions,
): CaseSnapshot {
  const s: CaseSnapshot = {
    ...c,
    pendingRequests: { ...c.pendingRequests },
    flags: { ...c.flags },
  };
  for (const e of effects) {
    switch (e.type) {
      case 'set_state':
        s.state = e.to;
        break;
      case 'open_request':
        s.pendingRequests[e.request.type] = e.request;
        break;
      case 'close_request':
        delete s.pendingRequests[e.requestType];
        break;
      case 'increment':
        s[e.field] = s[e.field] + 1;
        break;
      case 'set_flag':
        s.flags[e.flag] = e.value;
        break;
      case 'set_timestamp':
        if (e.field === 'acknowledgedAt') s.acknowledged = true;
        if (e.field === 'closedAt') s.closedAt = opts.now;
        break;
      case 'clear_timestamp':
        if (e.field === 'acknowledgedAt') s.acknowledged = false;
        if (e.field === 'closedAt') {
          s.closedAt = null;
          s.reopenWindowEndsAt = null;
        }
        break;
      case 'open_reopen_window':
        s.reopenWindowEndsAt = new Date(
          Date.parse(opts.now) + (opts.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS),
        ).toISOString();
        break;
      case 'raise_supervision':
        s.supervision = {
          level: e.level,
          issuerId: e.issuerId,
          replied: false,
          raisedAt: opts.now,
          leaderLevel: e.leaderLevel ?? null,
        };
        break;
      case 'escalate_supervision':
        if (s.supervision)
          s.supervision = { ...s.supervision, leaderLevel: e.to, escalatedAt: opts.now };
        break;
      case 'reply_supervision':
        if (s.supervision) s.supervision = { ...s.supervision, replied: true };
        break;
      case 'end_supervision':
        s.supervision = null;
        break;
      case 'assign':
        if (e.task === 'verify') s.assignedVerifierId = e.userId;
        else s.assignedCheckerId = e.userId;
        break;
      case 'clear_assignment':
        if (e.task === 'verify') s.assignedVerifierId = null;
        else s.assignedCheckerId = null;
        break;
      case 'set_handling_dept':
        s.handlingDeptId = e.departmentId;
        break;
      case 'set_sent_back_dept':
        s.sentBackByDeptId = e.departmentId;
        break;
      case 'add_handler':
        if (!s.handlerUserIds.includes(e.userId))
          s.handlerUserIds = [...s.handlerUserIds, e.userId];
        break;
      case 'set_rating':
        s.rated = true;
        break;
      case 'reset_rating':
        s.rated = false;
        break;
      case 'start_step':
      case 'end_step':
      case 'pause_clock':
      case 'resume_clock':
      case 'start_case_clock':
      case 'stop_case_clock':
      case 'set_close_reason':
      case 'record_dispatch':
      case 'set_classification':
      case 'extend_deadline':
      case 'set_master':
      case 'add_leader_instruction':
      case 'recompute_deadlines':
      case 'notify':
      case 'external_writeback':
        break;
    }
  }
  return s;
}
