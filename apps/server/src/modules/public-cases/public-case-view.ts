import type { CaseView, PublicCaseView, PublicMilestone } from '@wangge/shared';

/** The fields of a case event (cases service `events`) that matter here. */
interface Event {
  action: string;
  fromState: string | null;
  toState: string;
  at: string;
  data: unknown;
}

/** Which events a citizen sees, and as what. Names, roles, notes and internal steps stay out. */
function milestoneOf(e: Event): PublicMilestone | null {
  switch (e.action) {
    case 'report':
      return 'reported';
    case 'accept':
      return 'accepted';
    case 'dispatch':
      return 'dispatched';
    case 'submit_feedback':
      return 'handled';
    case 'close':
      return 'closed';
    case 'merge':
      return 'merged';
    default:
      break;
  }
  if (
    e.action === 'approve_request' &&
    e.fromState === 'closed' &&
    e.toState === 'pending_dispatch'
  )
    return 'reopened';
  if (e.toState === 'rejected' && e.fromState !== 'rejected') return 'rejected';
  if (e.toState === 'voided' && e.fromState !== 'voided') return 'voided';
  return null;
}

export function milestones(events: readonly Event[]): PublicCaseView['milestones'] {
  return events.flatMap((e) => {
    const kind = milestoneOf(e);
    return kind ? [{ kind, at: e.at }] : [];
  });
}

/** The handling result text of the last 处理反馈, shown once the case is closed (the 回单 text). */
export function resultText(c: CaseView, events: readonly Event[]): string | null {
  if (c.state !== 'closed') return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.action !== 'submit_feedback') continue;
    const r = (e.data as { result?: unknown } | null)?.result;
    return typeof r === 'string' ? r : null;
  }
  return null;
}

/**
 * A 站内消息 as a citizen sees it. Messages about the case a report was merged into carry that case's internal number
 * (in the field and in the stored text); the citizen knows only their own receipt, so both name that instead.
 */
export function citizenNotification(
  ownCaseNo: string,
  n: { id: string; caseNo: string; about: string; text: string; createdAt: string },
) {
  if (n.caseNo === ownCaseNo)
    return { id: n.id, caseNo: n.caseNo, about: n.about, text: n.text, createdAt: n.createdAt };
  return {
    id: n.id,
    caseNo: ownCaseNo,
    about: n.about,
    text: n.text.split(`（${n.caseNo}）`).join('').split(n.caseNo).join(''),
    createdAt: n.createdAt,
  };
}
