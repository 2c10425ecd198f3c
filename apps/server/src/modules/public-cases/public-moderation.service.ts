import type { Kysely } from 'kysely';
import type { ModerationDecision, ModerationItem, ModerationList } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import type { AuditService } from '../audit';
import { createPublicBoardRepo } from './public-board.repo';

export interface PublicModerationDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  isUniqueViolation(err: unknown): boolean;
  className(code: string): Promise<string | null>;
}

/**
 * 公开内容审核: a 受理员 (public.moderate) reads what a resident wrote and the photos they took, and decides, part by
 * part, what the public map shows: text as written or with names and numbers taken out, each photo (faces, plates)
 * shown or not, with a reason for a refusal. Every decision is audited in the same transaction.
 */
export function createPublicModeration(deps: PublicModerationDeps) {
  const repo = createPublicBoardRepo(deps.db);

  /** The post, if it lies in the moderator's area (else not found: nothing is told about other areas). */
  async function postFor(actor: Actor, id: string) {
    const post = await repo.byId(id);
    if (!post || !inScope(actor.scope, post.grid_code)) throw notFound('市民反映');
    return post;
  }

  const audit = (
    tx: Kysely<DB>,
    actor: Actor,
    ip: string | null,
    post: { id: string; grid_code: string; case_no: string },
    detail: Record<string, unknown>,
  ) =>
    deps.audit.record(
      {
        action: 'public_content_moderated',
        actor,
        targetType: 'public_post',
        targetId: post.id,
        ip,
        areaCode: post.grid_code,
        detail: { caseNo: post.case_no, ...detail },
      },
      tx,
    );

  return {
    async list(
      actor: Actor,
      q: { pending: boolean; limit: number; offset: number },
    ): Promise<ModerationList> {
      const { rows, total } = await repo.queue(actor.scope, q.pending, q.limit, q.offset);
      const photos = await repo.photosOf(rows.map((r) => r.id));
      const items: ModerationItem[] = [];
      for (const r of rows)
        items.push({
          id: r.id,
          caseId: r.case_id,
          caseNo: r.case_no,
          categoryName: r.class_code ? await deps.className(r.class_code) : null,
          reportedAt: r.created_at,
          sensitive: r.sensitive === 1,
          supporters: Number(r.supporters),
          text: r.text,
          textStatus: r.text_status,
          publicText: r.public_text,
          textReason: r.text_reason,
          photos: photos
            .filter((p) => p.post_id === r.id)
            .map((p) => ({ attachmentId: p.attachment_id, status: p.status, reason: p.reason })),
        });
      return { items, total };
    },

    async decideText(actor: Actor, id: string, d: ModerationDecision, ip: string | null) {
      const post = await postFor(actor, id);
      const approve = d.decision === 'approve';
      const at = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (tx) => {
        await repo.decideText(
          post.id,
          {
            status: approve ? 'approved' : 'rejected',
            publicText: approve ? (d.publicText ?? null) : null,
            reason: d.reason ?? null,
            by: actor.id,
            at,
          },
          tx,
        );
        await audit(tx, actor, ip, post, {
          part: 'text',
          decision: d.decision,
          edited: approve && d.publicText !== undefined,
          ...(d.reason ? { reason: d.reason } : {}),
        });
      });
    },

    async decidePhoto(
      actor: Actor,
      id: string,
      attachmentId: string,
      d: ModerationDecision,
      ip: string | null,
    ) {
      const post = await postFor(actor, id);
      if (d.publicText !== undefined)
        throw new AppError('validation_failed', '照片审核不含公开文字', { field: 'publicText' });
      const at = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (tx) => {
        const ok = await repo.decidePhoto(
          post.id,
          attachmentId,
          {
            status: d.decision === 'approve' ? 'approved' : 'rejected',
            reason: d.reason ?? null,
            by: actor.id,
            at,
          },
          tx,
        );
        if (!ok) throw notFound('照片');
        await audit(tx, actor, ip, post, {
          part: 'photo',
          attachmentId,
          decision: d.decision,
          ...(d.reason ? { reason: d.reason } : {}),
        });
      });
    },
  };
}
export type PublicModerationService = ReturnType<typeof createPublicModeration>;
