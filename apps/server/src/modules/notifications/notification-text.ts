/** Who reads it: a citizen (a `citizen:<receipt>` recipient) or staff who reported in their work. */
export type NoticeAudience = 'citizen' | 'staff';

export const audienceOf = (recipient: string): NoticeAudience =>
  recipient.startsWith('citizen:') ? 'citizen' : 'staff';

/**
 * The Chinese text of a 站内消息, by the case action it reports. `own` is the reporter of the case itself;
 * otherwise the reader reported a duplicate merged into it and follows it (docs/case-workflow.md §2.2 合并).
 * Staff (grid workers, inspectors) reported as part of their work: they are told the outcome, not invited to
 * 评价 — only citizens rate the handling (public-cases) — nor reassured like a member of the public.
 */
export function notificationText(
  about: string,
  n: { caseNo: string; own: boolean; reason: string | null; audience?: NoticeAudience },
): string {
  const staff = n.audience === 'staff';
  const subject = n.own
    ? `您反映的问题（${n.caseNo}）`
    : `与您反映的问题合并办理的案件（${n.caseNo}）`;
  const because = n.reason ? `原因：${n.reason}` : '';
  switch (about) {
    case 'accept':
      return staff ? `${subject}已受理。` : `${subject}已受理，我们将尽快处理。`;
    case 'reject':
      return `${subject}不予受理。${because}`;
    case 'merge':
      return n.own
        ? `您反映的问题（${n.caseNo}）与其他群众反映的同一问题合并办理，办理进展将继续告知您。`
        : `${subject}已并入同一问题合并办理。`;
    case 'refuse_registration':
      return `${subject}经审核不予立案。${because}`;
    case 'void':
      return `${subject}已作废。${because}`;
    case 'close':
      return n.own && !staff
        ? `${subject}已办结，欢迎您对办理结果进行评价。`
        : `${subject}已办结。`;
    case 'approve_request':
      return `${subject}已重新办理。`;
    case 'refuse_request':
      return `${subject}的重开申请未获同意。${n.reason ? `说明：${n.reason}` : ''}`;
    case 'withdraw':
      return `${subject}已撤回。`;
    default:
      return `${subject}有新的办理进展。`;
  }
}

/** Text of a message to staff about a case they now follow (not as its reporter). */
export function staffNoticeText(about: string, caseNo: string): string {
  switch (about) {
    case 'escalate_supervision':
      return `案件（${caseNo}）的督办超时未回复，已升级至您这一级督办，请跟进。`;
    default:
      return `案件（${caseNo}）有新的办理进展。`;
  }
}
