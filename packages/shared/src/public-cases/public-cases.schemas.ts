import { z } from 'zod';
import { CrsSchema } from '../areas/areas.schemas';
import { AreaLevelSchema } from '../areas/area-codes';
import { RATINGS } from '../cases/case-actions';
import { CLOSE_REASONS } from '../cases/case-states';

// What a citizen sees of a case (docs/case-workflow.md §5, citizen portal): a status in their words, one per internal
// state (citizen-status.ts), never the internal state names, staff or departments. A merged report follows its master.
export * from './citizen-status';
export * from './public-board.schemas';
import { PUBLIC_CASE_STATUSES } from './citizen-status';
import { MARKUP, NO_MARKUP_MESSAGE, PowSolutionSchema } from './public-board.schemas';

/** Public milestones of the loop; times only, no names. */
export const PUBLIC_MILESTONES = [
  'reported',
  'accepted',
  'dispatched',
  'handled',
  'closed',
  'reopened',
  'rejected',
  'voided',
  'merged',
] as const;
export type PublicMilestone = (typeof PUBLIC_MILESTONES)[number];
export const PUBLIC_MILESTONE_LABELS: Record<PublicMilestone, { zh: string; en: string }> = {
  reported: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  dispatched: { zh: '已派遣至责任单位', en: 'Dispatched' },
  handled: { zh: '已处置', en: 'Handled' },
  closed: { zh: '已办结', en: 'Closed' },
  reopened: { zh: '已重新办理', en: 'Reopened' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  voided: { zh: '已作废', en: 'Voided' },
  merged: { zh: '已与同一问题合并办理', en: 'Merged with the same problem' },
};

/** A citizen's contact phone: a mobile number or a landline with its area code. */
export const PublicPhoneSchema = z
  .string()
  .trim()
  .regex(/^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或固定电话');

const Text = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `不能超过 ${max} 字`);

/** 查询码 (the case number) as printed: AJ + date + 10 digits. */
export const PublicCaseNoSchema = z
  .string()
  .trim()
  .regex(/^AJ\d{18}$/, '查询码格式不正确');

/**
 * The receipt secret (查询密码): 16 Crockford base32 characters (80 bits), shown once at submission.
 * Dashes, spaces and lower case are accepted, so it can be typed as printed (XXXX-XXXX-XXXX-XXXX).
 */
export const ReceiptSecretSchema = z
  .string()
  .trim()
  .min(16, '查询密码不正确')
  .max(40, '查询密码不正确');

/** A class a citizen may pick when reporting (问题类型): active 事项/综治 小类 and below, with their 大类's name. */
export const PublicCategorySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    group: z.string().nullable().describe('The 大类 (e.g. 市容环境)'),
  })
  .meta({ id: 'PublicCategory' });
export type PublicCategory = z.infer<typeof PublicCategorySchema>;
export const PublicCategoryListSchema = z.object({ items: z.array(PublicCategorySchema) });
export type PublicCategoryList = z.infer<typeof PublicCategoryListSchema>;

/** Body of POST /api/public/cases: a citizen's report without an account. */
export const PublicReportRequestSchema = z
  .object({
    classCode: z
      .string()
      .regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母')
      .optional(),
    lng: z.number().min(-180, '经度超出范围').max(180, '经度超出范围').optional(),
    lat: z.number().min(-90, '纬度超出范围').max(90, '纬度超出范围').optional(),
    crs: CrsSchema.default('wgs84'),
    address: z
      .string()
      .trim()
      .min(2, '请填写问题地点')
      .max(200, '地址不能超过 200 字')
      .refine((s) => !MARKUP.test(s), NO_MARKUP_MESSAGE),
    description: z
      .string()
      .trim()
      .min(5, '请描述问题 (至少 5 个字)')
      .max(2000, '问题描述不能超过 2000 字')
      .refine((s) => !MARKUP.test(s), NO_MARKUP_MESSAGE),
    pow: PowSolutionSchema.optional().describe(
      'Required: a solved GET /api/public/challenge (refused without it, field pow)',
    ),
    contactPhone: PublicPhoneSchema.optional().describe(
      'Stored encrypted with a keyed hash to find the reports with a one-time code; only a masked copy is ever shown',
    ),
    areaCode: z
      .string()
      .regex(/^\d{6,20}$/, '区域编码应为数字')
      .optional()
      .describe(
        'The community or grid picked from the list when neither a map point nor an address search fits: the case is filed at its label point',
      ),
    photos: z
      .array(z.string().min(1).max(64))
      .max(3, '最多上传 3 张照片')
      .optional()
      .describe('Ids from POST /api/public/photos with the same idempotency key'),
    idempotencyKey: z
      .string()
      .trim()
      .min(16)
      .max(100)
      .optional()
      .describe(
        'Client-generated random key (e.g. a UUID); a retry with the same key returns the same case number (the secret is shown only once)',
      ),
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), {
    message: '经纬度须同时提供',
    path: ['lng'],
  })
  .refine((b) => !b.photos?.length || b.idempotencyKey !== undefined, {
    message: '带照片的上报须有与照片相同的 idempotencyKey',
    path: ['idempotencyKey'],
  })
  .meta({ id: 'PublicReportRequest' });
export type PublicReportRequest = z.infer<typeof PublicReportRequestSchema>;

export const PublicReportResultSchema = z
  .object({
    created: z
      .boolean()
      .describe(
        'false for a retry of an earlier submission: the secret was shown then and is not shown again',
      ),
    caseNo: z.string().describe('查询码'),
    secret: z.string().nullable().describe('查询密码, shown once'),
    contactPhoneMasked: z.string().nullable(),
    reportedAt: z.string(),
  })
  .meta({ id: 'PublicReportResult' });
export type PublicReportResult = z.infer<typeof PublicReportResultSchema>;

export const PublicCaseParamsSchema = z.object({ caseNo: PublicCaseNoSchema });
export const PublicCaseQuerySchema = z.object({
  secret: ReceiptSecretSchema.optional().describe('Or the x-receipt header'),
});

export const PublicRatingRequestSchema = z.object({
  secret: ReceiptSecretSchema,
  rating: z.enum(RATINGS),
  reason: Text(500, '请填写原因')
    .optional()
    .describe('Required with dissatisfied to ask for the case to be reopened'),
});
export type PublicRatingRequest = z.infer<typeof PublicRatingRequestSchema>;

export const PublicReopenRequestSchema = z.object({
  secret: ReceiptSecretSchema,
  reason: Text(500, '请填写申请重开的原因'),
});
export type PublicReopenRequest = z.infer<typeof PublicReopenRequestSchema>;

export const PublicNotificationSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  about: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export const PublicCaseViewSchema = z
  .object({
    caseNo: z.string(),
    categoryName: z.string().nullable(),
    address: z.string(),
    description: z.string(),
    reportedAt: z.string(),
    status: z
      .enum(PUBLIC_CASE_STATUSES)
      .describe('For a merged report: the status of the case it was merged into'),
    merged: z
      .boolean()
      .describe(
        'Merged with other reports of the same problem; the case it joined is never named to citizens',
      ),
    milestones: z.array(z.object({ kind: z.enum(PUBLIC_MILESTONES), at: z.string() })),
    closeReason: z.enum(CLOSE_REASONS).nullable(),
    result: z.string().nullable().describe('Handling result text, once closed'),
    rating: z.enum(RATINGS).nullable(),
    reopenRequested: z.boolean(),
    canRate: z.boolean(),
    canRequestReopen: z.boolean(),
    notifications: z.array(PublicNotificationSchema),
    photoCount: z.number().int().describe('Photos the citizen attached'),
  })
  .meta({ id: 'PublicCaseView' });
export type PublicCaseView = z.infer<typeof PublicCaseViewSchema>;

/** GET /api/public/areas: boundaries of one level for the map pick, with nothing but code, name, level and shape. */
export const PublicAreasQuerySchema = z.object({ level: AreaLevelSchema });
export const PublicAreaFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().describe('The area code'),
  properties: z.object({
    code: z.string(),
    name: z.string(),
    level: AreaLevelSchema,
    parentCode: z.string().nullable(),
  }),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
});
export const PublicAreaCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(PublicAreaFeatureSchema) })
  .meta({ id: 'PublicAreaCollection' });
export type PublicAreaCollection = z.infer<typeof PublicAreaCollectionSchema>;

/** GET /api/public/places: 标准地址 down to the 楼栋 and area names, as a resident may see them. */
export const PublicPlaceQuerySchema = z.object({
  q: z.string().trim().min(2, '请至少输入 2 个字').max(50, '不能超过 50 字'),
});
export const PublicPlaceSchema = z
  .object({
    kind: z.enum(['address', 'area']),
    text: z.string().describe('The address or the area path (街道 社区 网格)'),
    lng: z.number(),
    lat: z.number(),
    areaName: z.string().nullable().describe('The community or grid the place lies in'),
  })
  .meta({ id: 'PublicPlace' });
export type PublicPlace = z.infer<typeof PublicPlaceSchema>;
export const PublicPlaceListSchema = z.object({ items: z.array(PublicPlaceSchema) });

/** GET /api/public/area-list: communities and grids for the last-resort picker (names and codes only). */
export const PublicAreaListSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: AreaLevelSchema,
      parentCode: z.string().nullable(),
    }),
  ),
});
export type PublicAreaList = z.infer<typeof PublicAreaListSchema>;

/** POST /api/public/photos answer: what the page needs to list the photo; the bytes are never served back. */
export const PublicPhotoResultSchema = z
  .object({
    id: z.string(),
    sizeBytes: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
  })
  .meta({ id: 'PublicPhotoResult' });
export type PublicPhotoResult = z.infer<typeof PublicPhotoResultSchema>;
export const PublicPhotoQuerySchema = z.object({
  idempotencyKey: z.string().trim().min(16).max(100).describe("The report form's idempotency key"),
});

/** POST /api/public/lookup/code: a one-time code for a phone (always answered alike, whether it has reports or not). */
export const PublicCodeRequestSchema = z.object({ phone: PublicPhoneSchema });
export const PublicCodeResultSchema = z
  .object({
    expiresAt: z.string(),
    shownCode: z
      .string()
      .nullable()
      .describe('Demo only (no SMS gateway): the code shown on screen; null when it went by SMS'),
  })
  .meta({ id: 'PublicCodeResult' });
export type PublicCodeResult = z.infer<typeof PublicCodeResultSchema>;

/** POST /api/public/lookup: the phone's reports, with the code. */
export const PublicLookupRequestSchema = z.object({
  phone: PublicPhoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
});
export type PublicLookupRequest = z.infer<typeof PublicLookupRequestSchema>;
export const PublicLookupResultSchema = z
  .object({ items: z.array(PublicCaseViewSchema).describe('Newest first, at most 20') })
  .meta({ id: 'PublicLookupResult' });
export type PublicLookupResult = z.infer<typeof PublicLookupResultSchema>;
