import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  citizenStatus,
  type CaseState,
  type CaseView,
  type PowSolution,
  type PublicBoard,
  type PublicBoardItem,
  type PublicBoardQuery,
  type PublicDuplicates,
  type PublicSupportResult,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { AreaScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { IpThrottle } from '../../core/http/ip-throttle';
import { bboxAround, haversineMetres } from '../areas';
import { createCitizenQuotas, type Citizen, type CitizenQuotaLimits } from './citizen-quotas';
import { createPublicBoardRepo } from './public-board.repo';
import type { PublicPostsTable } from './public-cases.tables';
import { createPow } from './public-pow';
import { isSensitiveClass } from './sensitive-classes';

/** A class as the board needs it (categories module). */
export interface BoardClass {
  name: string;
  /** Names from the 大类 down */
  names: string[];
  duplicateRadiusM: number;
}

export interface PublicBoardDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  isUniqueViolation(err: unknown): boolean;
  /** A system reader: the board reads cases whatever their area. */
  system: Actor;
  cases: {
    get(actor: Actor, id: string): Promise<CaseView>;
    briefs(scope: AreaScope, ids: readonly string[]): Promise<{ id: string; state: string }[]>;
  };
  caseClass(code: string): Promise<BoardClass | null>;
  /** Public names of streets, communities and grids (areas module). */
  areaNames(): Promise<Map<string, string>>;
  quotas?: Partial<CitizenQuotaLimits>;
  powDifficulty?: number;
}

/** "+1" is offered for reports of the same class this recent and this close. */
export const DUPLICATE_DAYS = 30;
const DAY_MS = 24 * 3600_000;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The public board: what the map and list show of residents' portal reports (each part only once a 受理员 approved
 * it; no names, phones, staff or receipt numbers; no place for sensitive classes), "+1" to a report nearby instead of
 * a new one, and the proof-of-work every anonymous write carries.
 */
export function createPublicBoard(deps: PublicBoardDeps) {
  const repo = createPublicBoardRepo(deps.db);
  const quotas = createCitizenQuotas(deps.quotas);
  const searches = new IpThrottle(60, 10 * 60_000);
  const pow = createPow({
    sign: (s) => deps.cipher.lookupHash(s),
    now: () => deps.clock.now(),
    spend: (id, at) => repo.spendPow(id, at),
    forget: (before) => repo.forgetPow(before),
    ...(deps.powDifficulty !== undefined ? { difficulty: deps.powDifficulty } : {}),
  });

  /** Board items of posts: state from the case, approved text and photos only. */
  async function itemsOf(posts: PublicPostsTable[]): Promise<PublicBoardItem[]> {
    if (!posts.length) return [];
    const [briefs, photos, names] = await Promise.all([
      deps.cases.briefs(
        deps.system.scope,
        posts.map((p) => p.case_id),
      ),
      repo.photosOf(posts.map((p) => p.id)),
      deps.areaNames(),
    ]);
    const stateOf = new Map(briefs.map((b) => [b.id, b.state as CaseState]));
    const classNames = new Map<string, string | null>();
    for (const code of new Set(posts.flatMap((p) => (p.class_code ? [p.class_code] : []))))
      classNames.set(code, (await deps.caseClass(code))?.name ?? null);
    return posts.map((p) => {
      const hidden = p.sensitive === 1;
      return {
        id: p.id,
        categoryName: p.class_code ? (classNames.get(p.class_code) ?? null) : null,
        status: citizenStatus(stateOf.get(p.case_id) ?? 'pending_acceptance'),
        reportedAt: p.created_at,
        areaName: names.get(hidden ? p.street_code : p.community_code) ?? null,
        point: !hidden && p.lng !== null && p.lat !== null ? [p.lng, p.lat] : null,
        locationHidden: hidden,
        text: p.text_status === 'approved' ? (p.public_text ?? p.text) : null,
        photos: photos
          .filter((ph) => ph.post_id === p.id && ph.status === 'approved')
          .map((ph) => ph.attachment_id),
        supporters: Number(p.supporters),
      };
    });
  }

  return {
    challenge: () => pow.issue(),
    verifyPow: (s: PowSolution | undefined) => pow.verify(s),

    /** Files a portal report (by its receipt number) for the board, every part waiting for moderation. */
    async publish(caseNo: string): Promise<void> {
      const caseId = await repo.caseOfReceipt(caseNo);
      if (!caseId) return;
      const c = await deps.cases.get(deps.system, caseId);
      const cls = c.classCode ? await deps.caseClass(c.classCode) : null;
      const sensitive = isSensitiveClass(
        c.classCode && cls ? { code: c.classCode, names: cls.names } : null,
      );
      await repo.insertPost(
        {
          id: randomBytes(12).toString('base64url'),
          case_id: c.id,
          case_no: c.caseNo,
          class_code: c.classCode,
          sensitive: sensitive ? 1 : 0,
          street_code: c.streetCode,
          community_code: c.communityCode,
          grid_code: c.gridCode,
          lng: sensitive ? null : round(c.position[0]),
          lat: sensitive ? null : round(c.position[1]),
          text: c.description,
          text_status: 'pending',
          public_text: null,
          text_reason: null,
          text_by: null,
          text_at: null,
          supporters: 0,
          created_at: c.createdAt,
        },
        c.photos,
      );
    },

    async board(q: PublicBoardQuery): Promise<PublicBoard> {
      const since = new Date(deps.clock.now().getTime() - q.days * DAY_MS).toISOString();
      return { items: await itemsOf(await repo.recent(q.areaCode, since, q.limit)) };
    },

    /** Open reports of the same class near the point, for "+1" instead of a new report; none for sensitive classes. */
    async duplicates(
      q: { lng: number; lat: number; classCode: string },
      ip: string,
    ): Promise<PublicDuplicates> {
      if (!searches.attempt(ip, deps.clock.now().getTime()))
        throw new AppError('rate_limited', '查询过于频繁，请稍后再试');
      const cls = await deps.caseClass(q.classCode);
      if (!cls || isSensitiveClass({ code: q.classCode, names: cls.names })) return { items: [] };
      const radius = cls.duplicateRadiusM || 50;
      const since = new Date(deps.clock.now().getTime() - DUPLICATE_DAYS * DAY_MS).toISOString();
      const near = (await repo.near(q.classCode, bboxAround(q.lng, q.lat, radius), since))
        .map((p) => ({ p, d: haversineMetres(q.lng, q.lat, p.lng!, p.lat!) }))
        .filter((x) => x.d <= radius);
      const items = await itemsOf(near.map((x) => x.p));
      const open = new Set([
        'pending_acceptance',
        'verifying',
        'accepted',
        'registered',
        'handling',
        'suspended',
      ]);
      return {
        items: near
          .map((x, i) => ({ distanceM: Math.round(x.d), item: items[i]! }))
          .filter((x) => open.has(x.item.status))
          .sort((a, b) => a.distanceM - b.distanceM),
      };
    },

    /** "+1": once per device and report, within the device's and address's daily limits, with a solved challenge. */
    async support(id: string, solution: PowSolution, who: Citizen): Promise<PublicSupportResult> {
      const post = await repo.byId(id);
      if (!post || post.sensitive === 1) throw notFound('反映');
      quotas.support(who, deps.clock.now().getTime());
      await pow.verify(solution);
      const device = deps.cipher.lookupHash(`support-device:${who.device}`);
      const r = await repo.support(post.id, device, deps.clock.now().toISOString());
      return { supporters: r.supporters, already: !r.added };
    },

    /** Whether a photo may be served publicly: approved by a moderator. */
    photoApproved: async (attachmentId: string) =>
      (await repo.approvedPhoto(attachmentId)) !== undefined,
  };
}
export type PublicBoardService = ReturnType<typeof createPublicBoard>;
