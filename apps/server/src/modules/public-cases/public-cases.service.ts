import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  citizenStatus,
  maskPhone,
  type AreaLevel,
  type CaseState,
  type CaseView,
  type PublicCaseView,
  type PublicCategory,
  type PublicLookupRequest,
  type PublicPhotoResult,
  type PublicPlace,
  type PublicRatingRequest,
  type PublicReopenRequest,
  type PublicReportRequest,
  type PublicReportResult,
  type Rating,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import type { CasesService } from '../cases';
import type { Attachment, PublicAreaCollection, PublicAreaList } from '@wangge/shared';
// The login throttle is a plain in-memory counter; the same one slows receipt guessing and report floods.
import { IpThrottle } from '../../core/http/ip-throttle';
import { citizenActor } from './citizen-actor';
import type { CitizenPlaces } from './citizen-places';
import {
  createCitizenQuotas,
  PUBLIC_PHOTO_MAX_BYTES,
  type Citizen,
  type CitizenQuotaLimits,
} from './citizen-quotas';
import type { CodeSender } from './code-sender';
import { createPhoneLookup } from './phone-lookup';
import { citizenNotification, milestones, resultText } from './public-case-view';
import { createPublicCasesRepo } from './public-cases.repo';
import { newReceiptSecret, normaliseReceiptSecret, sameHash } from './receipt-secret';

export interface PublicCasesDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  cases: Pick<CasesService, 'report' | 'get' | 'events' | 'transition'>;
  isUniqueViolation(err: unknown): boolean;
  /** Name of a case class, for the citizen view (categories module). */
  categoryName(code: string): Promise<string | null>;
  /** The classes a citizen may pick (categories module). */
  publicCategories(): Promise<PublicCategory[]>;
  /** Place search and resolution over the 标准地址 tree and the area names (addresses and areas modules). */
  places: CitizenPlaces;
  /** Outlines and the community/grid list for the map pick (areas module): codes, names, shapes only. */
  boundaries(level: AreaLevel): Promise<PublicAreaCollection>;
  areaList(): Promise<PublicAreaList['items']>;
  /** Stores a photo as the given actor, photos only, at most `maxBytes` (attachments module). */
  uploadPhoto(
    actor: Actor,
    body: Buffer,
    maxBytes: number,
  ): Promise<{ attachment: Attachment; created: boolean }>;
  /** The deployment's one-time code sender, or null without an SMS gateway outside the demo. */
  codeSender(): Promise<CodeSender | null>;
  /** 站内消息 of a recipient (`citizen:<receipt id>`), newest first (notifications module). */
  notificationsFor(
    recipient: string,
  ): Promise<{ id: string; caseNo: string; about: string; text: string; createdAt: string }[]>;
  /** Per-IP limits in a window (default 10 min): reports created, failed receipt look-ups, place searches. */
  limits?: {
    reportsPerIp?: number;
    failedLookupsPerIp?: number;
    searchesPerIp?: number;
    windowMs?: number;
    codesPerIp?: number;
    failedCodesPerIp?: number;
  };
  quotas?: Partial<CitizenQuotaLimits>;
}

/** A merged report follows its master; a master merged in turn is followed a few links at most. */
const MAX_MERGE_DEPTH = 3;

export function createPublicCasesService(deps: PublicCasesDeps) {
  const repo = createPublicCasesRepo(deps.db);
  const windowMs = deps.limits?.windowMs ?? 10 * 60_000;
  const reports = new IpThrottle(deps.limits?.reportsPerIp ?? 20, windowMs);
  const lookups = new IpThrottle(deps.limits?.failedLookupsPerIp ?? 20, windowMs);
  const searches = new IpThrottle(deps.limits?.searchesPerIp ?? 60, windowMs);
  const quotas = createCitizenQuotas(deps.quotas);
  const phones = createPhoneLookup({ ...deps, repo, limits: deps.limits });
  /** The receipt a report form's key will make: photos uploaded first belong to the report's citizen. */
  const receiptIdOf = (key: string) => deps.cipher.lookupHash(`public-report:${key}`).slice(0, 22);
  const secretHash = (normalised: string) => deps.cipher.lookupHash(`receipt:${normalised}`);
  // Unknown number and wrong secret answer alike, so the endpoint tells nothing about which numbers exist.
  const NO_SUCH = () => notFound('查询码或查询密码不正确，案件');

  /** The receipt behind a number and secret, counting failures per address. */
  async function open(caseNo: string, secret: string | undefined, ip: string) {
    const nowMs = deps.clock.now().getTime();
    if (lookups.blocked(ip, nowMs))
      throw new AppError('rate_limited', '查询失败次数过多，请稍后再试');
    const normalised = secret ? normaliseReceiptSecret(secret) : null;
    const receipt = await repo.findByCaseNo(caseNo);
    const given = secretHash(normalised ?? '-');
    if (!receipt || !normalised || !sameHash(given, receipt.secret_hash)) {
      // A success does not clear the count: one valid receipt must not reset an address's guessing budget.
      lookups.fail(ip, nowMs);
      throw NO_SUCH();
    }
    return { receipt, actor: citizenActor(receipt.id) };
  }

  /** The case a report follows: itself, or the master it was merged into. */
  async function followed(actor: Actor, own: CaseView): Promise<CaseView> {
    let c = own;
    for (let depth = 0; depth < MAX_MERGE_DEPTH && c.state === 'merged' && c.masterCaseId; depth++)
      c = await deps.cases.get(actor, c.masterCaseId);
    return c;
  }

  async function view(actor: Actor, caseId: string): Promise<PublicCaseView> {
    const own = await deps.cases.get(actor, caseId);
    const ownEvents = await deps.cases.events(actor, own.id);
    const merged = own.state === 'merged' && own.masterCaseId !== null;
    const master = merged ? await followed(actor, own) : own;
    const masterEvents = merged ? await deps.cases.events(actor, master.id) : ownEvents;
    const notes = await deps.notificationsFor(actor.id);
    return {
      caseNo: own.caseNo,
      categoryName: own.classCode ? await deps.categoryName(own.classCode) : null,
      address: own.address,
      description: own.description,
      reportedAt: own.createdAt,
      status: citizenStatus(master.state as CaseState),
      merged,
      milestones: merged
        ? [
            ...milestones(ownEvents),
            ...milestones(masterEvents).filter((m) => m.kind !== 'reported'),
          ]
        : milestones(ownEvents),
      closeReason: master.state === 'closed' ? master.closeReason : null,
      result: resultText(master, masterEvents),
      rating: (own.rating as Rating | null) ?? null,
      reopenRequested: master.pendingRequests.some((r) => r.type === 'reopen'),
      // Only the case's own reporter rates it: the workflow admits the citizen role on its own case alone.
      canRate: !merged && own.allowedActions.includes('rate'),
      canRequestReopen: !merged && own.allowedActions.includes('request_reopen'),
      notifications: notes.map((n) => citizenNotification(own.caseNo, n)),
      photoCount: own.photos.length,
    };
  }

  /** 评价 and 申请重开 go through the case engine as the citizen, at the version just read. */
  async function act(
    caseNo: string,
    secret: string,
    ip: string,
    input:
      | { action: 'rate'; rating: Rating; reason?: string }
      | { action: 'request_reopen'; reason: string },
  ) {
    const { receipt, actor } = await open(caseNo, secret, ip);
    const own = await deps.cases.get(actor, receipt.case_id);
    if (own.state === 'merged')
      throw new AppError(
        'conflict',
        '该诉求已与同一问题合并办理，评价和重开请以主案件的诉求人为准',
        { details: { reason: 'merged', state: own.state } },
      );
    await deps.cases.transition(actor, own.id, { ...input, version: own.version });
    return view(actor, own.id);
  }

  /** Counts a search per address: the registry is public in what it answers, not in bulk. */
  function searchAllowed(ip: string) {
    if (!searches.attempt(ip, deps.clock.now().getTime()))
      throw new AppError('rate_limited', '查询过于频繁，请稍后再试');
  }

  return {
    /** 问题类型 for the report form: the dictionary's public part (names and codes, nothing else). */
    categories: () => deps.publicCategories(),

    /**
     * 市民上报 without an account. The receipt id comes from the idempotency key when there is one, so a retry is the
     * same reporter (the cases service answers the case it made) and photos uploaded with the key are its own.
     */
    async report(input: PublicReportRequest, who: Citizen): Promise<PublicReportResult> {
      const nowMs = deps.clock.now().getTime();
      if (reports.blocked(who.ip, nowMs))
        throw new AppError('rate_limited', '提交过于频繁，请稍后再试');
      const receiptId = input.idempotencyKey
        ? receiptIdOf(input.idempotencyKey)
        : randomBytes(16).toString('base64url');
      const point = await deps.places.pointOfReport(input);
      quotas.report(who, nowMs);
      const actor = citizenActor(receiptId);
      const r = await deps.cases.report(actor, {
        ...point,
        address: input.address,
        description: input.description,
        source: 'public',
        ...(input.classCode ? { classCode: input.classCode } : {}),
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        ...(input.photos?.length ? { photos: input.photos } : {}),
      });
      const secret = newReceiptSecret();
      const phoneMasked = input.contactPhone ? maskPhone(input.contactPhone) : null;
      try {
        await repo.insert({
          id: receiptId,
          case_id: r.case.id,
          case_no: r.case.caseNo,
          secret_hash: secretHash(normaliseReceiptSecret(secret)!),
          phone_enc: input.contactPhone ? deps.cipher.encrypt(input.contactPhone) : null,
          phone_masked: phoneMasked,
          phone_hash: input.contactPhone ? phones.phoneHash(input.contactPhone) : null,
          created_at: r.case.createdAt,
        });
      } catch (e) {
        if (!deps.isUniqueViolation(e)) throw e;
        // A retry of a submission whose receipt exists: the number again, the secret never again.
        const earlier = await repo.findById(receiptId);
        return {
          created: false,
          caseNo: r.case.caseNo,
          secret: null,
          contactPhoneMasked: earlier?.phone_masked ?? null,
          reportedAt: r.case.createdAt,
        };
      }
      reports.fail(who.ip, nowMs);
      return {
        created: true,
        caseNo: r.case.caseNo,
        secret,
        contactPhoneMasked: phoneMasked,
        reportedAt: r.case.createdAt,
      };
    },

    async track(caseNo: string, secret: string | undefined, ip: string): Promise<PublicCaseView> {
      const { receipt, actor } = await open(caseNo, secret, ip);
      return view(actor, receipt.case_id);
    },

    rate: (caseNo: string, body: PublicRatingRequest, ip: string) =>
      act(caseNo, body.secret, ip, {
        action: 'rate',
        rating: body.rating,
        ...(body.reason ? { reason: body.reason } : {}),
      }),

    requestReopen: (caseNo: string, body: PublicReopenRequest, ip: string) =>
      act(caseNo, body.secret, ip, { action: 'request_reopen', reason: body.reason }),

    boundaries: deps.boundaries,
    areaList: deps.areaList,

    async places(q: string, ip: string): Promise<PublicPlace[]> {
      searchAllowed(ip);
      return deps.places.search(q);
    },

    /** A photo for the report form with this key, within the quotas; EXIF stays on the staff's original only. */
    async uploadPhoto(key: string, body: Buffer, who: Citizen): Promise<PublicPhotoResult> {
      const receiptId = receiptIdOf(key);
      const spent = quotas.photo(who, receiptId, deps.clock.now().getTime());
      try {
        const { attachment: a, created } = await deps.uploadPhoto(
          citizenActor(receiptId),
          body,
          PUBLIC_PHOTO_MAX_BYTES,
        );
        if (!created) spent.refund();
        return { id: a.id, sizeBytes: a.sizeBytes, width: a.width, height: a.height };
      } catch (e) {
        spent.refund();
        throw e;
      }
    },

    requestCode: (phone: string, ip: string) => phones.requestCode(phone, ip),

    /** Every report made with this phone (newest first), once the code is right. */
    async lookup(body: PublicLookupRequest, ip: string): Promise<PublicCaseView[]> {
      const receipts = await phones.receiptsOf(body.phone, body.code, ip);
      return Promise.all(receipts.map((r) => view(citizenActor(r.id), r.case_id)));
    },
  };
}
export type PublicCasesService = ReturnType<typeof createPublicCasesService>;
