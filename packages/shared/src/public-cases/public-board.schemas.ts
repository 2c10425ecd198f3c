import { z } from 'zod';
import { PUBLIC_CASE_STATUSES } from './citizen-status';

// The open side of the portal (docs/public-board.md): a map and list of residents' reports with nothing personal,
// public figures, the proof-of-work challenge and the moderation queue staff work through before anything shows.

/**
 * Free text a resident writes: markup is refused outright rather than escaped, so nothing that looks like a tag or a
 * script ever reaches a moderator's screen or the public page.
 */
export const MARKUP = /<\s*\/?\s*[a-z!?]|javascript\s*:|\bon[a-z]+\s*=/i;
export const NO_MARKUP_MESSAGE = '不能包含网页代码或标记 (如 <script>)';

/** GET /api/public/challenge: a signed proof-of-work challenge, solved once in the browser. */
export const PowChallengeSchema = z
  .object({
    challenge: z.string().describe('Opaque signed token; hash it with a nonce'),
    difficulty: z
      .number()
      .int()
      .describe('Leading zero bits SHA-256(challenge + ":" + nonce) must have'),
    expiresAt: z.string(),
  })
  .meta({ id: 'PowChallenge' });
export type PowChallenge = z.infer<typeof PowChallengeSchema>;

/** A solved challenge, sent with an anonymous write; each challenge is accepted once. */
export const PowSolutionSchema = z
  .object({
    challenge: z.string().min(10).max(400),
    nonce: z
      .string()
      .regex(/^[0-9a-z]{1,16}$/, '验证结果格式不正确')
      .describe('Base-36 counter the client found'),
  })
  .describe('Proof of work for anonymous submissions (GET /api/public/challenge)');
export type PowSolution = z.infer<typeof PowSolutionSchema>;

const AreaCode = z.string().regex(/^\d{6,20}$/, '区域编码应为数字');

export const PublicBoardQuerySchema = z.object({
  areaCode: AreaCode.optional().describe(
    'A street, community or grid; default the whole jurisdiction',
  ),
  days: z.coerce.number().int().min(1).max(365).default(90),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type PublicBoardQuery = z.infer<typeof PublicBoardQuerySchema>;

export const PublicBoardItemSchema = z
  .object({
    id: z.string().describe('Public id of the report (not the receipt number)'),
    categoryName: z.string().nullable(),
    status: z.enum(PUBLIC_CASE_STATUSES),
    reportedAt: z.string(),
    areaName: z.string().nullable().describe('Community (street only for sensitive classes)'),
    point: z
      .tuple([z.number(), z.number()])
      .nullable()
      .describe('WGS84, rounded to about 10 m; null for sensitive classes'),
    locationHidden: z.boolean(),
    text: z.string().nullable().describe('The moderated text, once approved'),
    photos: z.array(z.string()).describe('Approved photo ids: GET /api/public/board/photos/{id}'),
    supporters: z.number().int().describe('Residents who added +1'),
  })
  .meta({ id: 'PublicBoardItem' });
export type PublicBoardItem = z.infer<typeof PublicBoardItemSchema>;
export const PublicBoardSchema = z
  .object({ items: z.array(PublicBoardItemSchema) })
  .meta({ id: 'PublicBoard' });
export type PublicBoard = z.infer<typeof PublicBoardSchema>;

export const PublicPhotoParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const PublicBoardParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/) });

export const PublicDuplicatesQuerySchema = z.object({
  lng: z.coerce.number().min(-180, '经度超出范围').max(180, '经度超出范围'),
  lat: z.coerce.number().min(-90, '纬度超出范围').max(90, '纬度超出范围'),
  classCode: z.string().regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母'),
});
export const PublicDuplicatesSchema = z
  .object({
    items: z.array(z.object({ distanceM: z.number().int(), item: PublicBoardItemSchema })),
  })
  .meta({ id: 'PublicDuplicates' });
export type PublicDuplicates = z.infer<typeof PublicDuplicatesSchema>;

export const PublicSupportRequestSchema = z.object({ pow: PowSolutionSchema });
export const PublicSupportResultSchema = z.object({
  supporters: z.number().int(),
  already: z.boolean().describe('This device had already added +1'),
});
export type PublicSupportResult = z.infer<typeof PublicSupportResultSchema>;

const FigureRow = z.object({
  key: z.string(),
  name: z.string(),
  received: z.number().int().nullable(),
  closed: z.number().int().nullable(),
  onTimeRate: z.number().nullable().describe('0–1; null without a denominator'),
  satisfactionRate: z.number().nullable(),
});
export const PublicFiguresSchema = z
  .object({
    start: z.string().describe('First day of the 12 months (Asia/Shanghai)'),
    end: z.string().describe('Day after the last'),
    streets: z.array(FigureRow),
    departments: z.array(FigureRow),
  })
  .meta({ id: 'PublicFigures' });
export type PublicFigures = z.infer<typeof PublicFiguresSchema>;

// Moderation (staff: public.moderate).

export const MODERATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export const MODERATION_STATUS_LABELS: Record<ModerationStatus, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已公开', en: 'Approved' },
  rejected: { zh: '不公开', en: 'Rejected' },
};

export const ModerationQuerySchema = z.object({
  pending: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true)
    .describe('true: only reports with text or photos waiting'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export const ModerationItemSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNo: z.string(),
    categoryName: z.string().nullable(),
    reportedAt: z.string(),
    sensitive: z.boolean(),
    supporters: z.number().int(),
    text: z.string().describe("The resident's words as submitted"),
    textStatus: z.enum(MODERATION_STATUSES),
    publicText: z.string().nullable(),
    textReason: z.string().nullable(),
    photos: z.array(
      z.object({
        attachmentId: z.string(),
        status: z.enum(MODERATION_STATUSES),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ModerationItem' });
export type ModerationItem = z.infer<typeof ModerationItemSchema>;
export const ModerationListSchema = z.object({
  items: z.array(ModerationItemSchema),
  total: z.number().int(),
});
export type ModerationList = z.infer<typeof ModerationListSchema>;

export const ModerationParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const ModerationPhotoParamsSchema = ModerationParamsSchema.extend({
  attachmentId: z.string().min(1).max(64),
});
export const ModerationDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(200, '原因不能超过 200 字').optional(),
    publicText: z
      .string()
      .trim()
      .min(2, '公开文字至少 2 个字')
      .max(2000, '公开文字不能超过 2000 字')
      .refine((s) => !MARKUP.test(s), NO_MARKUP_MESSAGE)
      .optional()
      .describe(
        'Text only: the words to publish, with names or numbers taken out (default: as submitted)',
      ),
  })
  .refine((b) => b.decision === 'approve' || (b.reason?.length ?? 0) >= 2, {
    message: '不予公开须说明原因',
    path: ['reason'],
  });
export type ModerationDecision = z.infer<typeof ModerationDecisionSchema>;
export const ModerationResultSchema = z.object({ ok: z.literal(true) });
