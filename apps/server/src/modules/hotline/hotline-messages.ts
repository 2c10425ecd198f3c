import {
  CASE_ACTION_LABELS,
  CASE_STATE_INFO,
  type CaseAction,
  type HotlineOutboundKind,
} from '@wangge/shared';

/**
 * Which of a 12345 case's events we tell the centre, and in what words (docs/12345.md §3). Pure: the case's log in,
 * the messages out, each with a key that makes it once-only however often the log is read — by every process that
 * heard the change, and again at the next change of the same case (which also catches up a change whose event was
 * lost on the bus).
 */
export interface LoggedEvent {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  note: string | null;
  data: unknown;
  at: string;
}

export interface HotlineCase {
  id: string;
  caseNo: string;
  externalId: string;
  state: string;
  closeReason: string | null;
}

export interface OutboundMessage {
  dedupeKey: string;
  seq: number;
  kind: HotlineOutboundKind;
  payload: Record<string, unknown>;
}

/** Our steps the centre hears of as 办理进度 (its own moves — 派单, 催办, 督办, 回访, 撤回 — are not echoed). */
const PROGRESS: ReadonlySet<string> = new Set<CaseAction>([
  'verify_true',
  'merge',
  'register',
  'dispatch',
  'acknowledge',
  'submit_feedback',
  'approve_request',
  'resume',
  'void',
  'accept_feedback',
  'return_feedback',
  'check_pass',
  'check_fail',
  'refuse_close',
  'reply_supervision',
]);

const field = (data: unknown, key: string): unknown =>
  data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
const text = (data: unknown, key: string): string | null => {
  const v = field(data, key);
  return typeof v === 'string' && v.trim() ? v : null;
};
const ids = (data: unknown, key: string): string[] => {
  const v = field(data, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};
const label = (action: string) =>
  (CASE_ACTION_LABELS as Record<string, { zh: string }>)[action]?.zh ?? action;
const stateLabel = (state: string) =>
  (CASE_STATE_INFO as Record<string, { zh: string }>)[state]?.zh ?? state;

/** A photo as the centre fetches it: the EXIF-free variant, through the case, with its API token. */
export const photoUrl = (publicUrl: string | null, id: string): string =>
  `${(publicUrl ?? '').replace(/\/+$/, '')}/api/attachments/${encodeURIComponent(id)}/file?variant=public`;

export function outboundMessages(
  c: HotlineCase,
  events: readonly LoggedEvent[],
  publicUrl: string | null,
): OutboundMessage[] {
  const out: OutboundMessage[] = [];
  const base = { orderId: c.externalId, caseNo: c.caseNo };
  let accepted = false;
  let returned = false;
  // The handler's last result and photos, for the 回单 that follows them.
  let result: string | null = null;
  let photos: string[] = [];
  for (const e of events) {
    const reason = text(e.data, 'reason') ?? e.note;
    if (e.action === 'submit_feedback') {
      result = text(e.data, 'result') ?? e.note;
      photos = ids(e.data, 'photos');
    }
    if (e.action === 'check_pass' && ids(e.data, 'photos').length)
      photos = [...photos, ...ids(e.data, 'photos')];
    // 接单: the first step that takes the order in (受理, or 发核实 before it).
    if (
      !accepted &&
      e.fromState === 'pending_acceptance' &&
      ['accept', 'send_verify', 'merge'].includes(e.action)
    ) {
      accepted = true;
      out.push({
        dedupeKey: `${c.id}:accept`,
        seq: e.seq,
        kind: 'accept',
        payload: { type: 'accept', ...base, acceptedAt: e.at },
      });
    }
    // 退回: we decline the order (不予受理, 不予立案) with the reason.
    if (!returned && (e.action === 'reject' || e.action === 'refuse_registration')) {
      returned = true;
      out.push({
        dedupeKey: `${c.id}:return`,
        seq: e.seq,
        kind: 'return',
        payload: { type: 'return', ...base, reason: reason ?? '', returnedAt: e.at },
      });
      continue;
    }
    if (e.action === 'close') {
      out.push({
        dedupeKey: `${c.id}:${e.seq}`,
        seq: e.seq,
        kind: 'reply',
        payload: {
          type: 'reply',
          ...base,
          closeReason: text(e.data, 'closeReason') ?? c.closeReason,
          result: result ?? '',
          photos: photos.map((id) => photoUrl(publicUrl, id)),
          closedAt: e.at,
        },
      });
      continue;
    }
    if (PROGRESS.has(e.action)) {
      const requestType = text(e.data, 'requestType');
      out.push({
        dedupeKey: `${c.id}:${e.seq}`,
        seq: e.seq,
        kind: 'progress',
        payload: {
          type: 'progress',
          ...base,
          step: e.action,
          stepName: label(e.action),
          ...(requestType ? { requestType } : {}),
          state: e.toState,
          stateName: stateLabel(e.toState),
          note: e.action === 'submit_feedback' ? result : reason,
          at: e.at,
        },
      });
    }
  }
  return out;
}
