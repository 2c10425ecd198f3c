import { z } from 'zod';
import { CrsSchema } from '../areas/areas.schemas';
import { ExportReasonSchema } from '../common/common.schemas';
import { CASE_ACTIONS, CASE_ROLES, REQUEST_TYPES } from './case-actions';
import { CASE_SOURCES, CASE_STATES, CASE_STEPS, CLOSE_REASONS } from './case-states';
import { HOTLINE_ORDER_ID_PATTERN } from './hotline-order';

const LIGHTS = ['green', 'yellow', 'red'] as const;

/** A 12345 派单 (docs/case-workflow.md §5): the centre's order id and its own deadline. */
export const HotlineOrderSchema = z.object({
  orderId: z
    .string()
    .trim()
    .regex(HOTLINE_ORDER_ID_PATTERN, '12345 工单编号应为 4–64 位字母、数字或 . _ -')
    .describe('The centre’s work-order id, e.g. ZZ12345-20261129-000123; one case per order'),
  deadline: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('12345’s own deadline; the earlier of it and ours sets the overall light'),
});
export type HotlineOrder = z.infer<typeof HotlineOrderSchema>;

/** What a video/AI detector proposes; a person confirms or dismisses it (§5). */
export const DetectionSchema = z.object({
  confidence: z.number().min(0).max(1),
  modelVersion: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe('Logged with the report, so a bad model release can be traced'),
  bbox: z
    .tuple([z.number().min(0), z.number().min(0), z.number().positive(), z.number().positive()])
    .optional()
    .describe('[x, y, w, h] in image pixels'),
  imageId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The frame, an attachment id from POST /api/attachments'),
});
export type Detection = z.infer<typeof DetectionSchema>;

/** Each channel's detail field, the only source it goes with, and its name in messages. */
export const CHANNEL_FIELDS = [
  ['hotline', 'hotline_12345', '12345 工单'],
  ['detection', 'video_ai', '识别结果'],
] as const;

/** Body of POST /api/cases (上报). */
export const ReportCaseRequestSchema = z
  .object({
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    crs: CrsSchema.default('wgs84'),
    address: z.string().trim().min(2, '请填写地址').max(200),
    description: z.string().trim().min(2, '请描述问题').max(2000),
    classCode: z
      .string()
      .regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母')
      .optional(),
    photos: z
      .array(z.string().min(1).max(64))
      .max(20)
      .optional()
      .describe('Attachment ids from POST /api/attachments'),
    componentCode: z
      .string()
      .regex(/^\d{16,17}$/, '部件标识码应为 17 位 (或旧 16 位)')
      .optional()
      .describe('The 部件 this problem is about; its class is the default 分类'),
    source: z.enum(CASE_SOURCES).optional().describe('Defaults from the reporter’s role'),
    selfHandled: z
      .boolean()
      .optional()
      .describe('自行处置: fixed on the spot (before/after photos required)'),
    urgent: z.boolean().optional(),
    idempotencyKey: z
      .string()
      .trim()
      .min(8)
      .max(100)
      .optional()
      .describe('Client-generated; a retry with the same key returns the same case'),
    hotline: HotlineOrderSchema.optional().describe(
      'Required with source hotline_12345, refused otherwise',
    ),
    detection: DetectionSchema.optional().describe(
      'Required with source video_ai, refused otherwise',
    ),
  })
  // Channel details belong to their channel only: a patrol report with a 12345 order id is a client bug.
  .superRefine((r, ctx) => {
    for (const [field, source, label] of CHANNEL_FIELDS) {
      if (r.source === source && !r[field])
        ctx.addIssue({ code: 'custom', path: [field], message: `${label}必填` });
      if (r.source !== source && r[field])
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `只有来源 ${source} 可以填写${label}`,
        });
    }
  })
  .meta({ id: 'ReportCaseRequest' });
export type ReportCaseRequest = z.infer<typeof ReportCaseRequestSchema>;

export const CaseListQuerySchema = z.object({
  state: z.string().max(400).optional().describe('Comma-separated states'),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  classCode: z.string().max(20).optional(),
  areaCode: z
    .string()
    .max(20)
    .optional()
    .describe('Area code (district, street, community or grid) within the caller’s scope'),
  departmentId: z.string().max(64).optional(),
  mine: z.enum(['department']).optional().describe('department = the caller’s department inbox'),
  q: z
    .string()
    .trim()
    .max(50, '搜索内容最多 50 个字')
    .optional()
    .describe('案件编号 (完整或任意一段)、问题描述或地址中的文字'),
  reporter: z
    .string()
    .trim()
    .max(30)
    // A full phone in a URL would land in access logs and history; numbers are an unmasking, not a filter.
    .refine((v) => !/\d{5,}/.test(v), '上报人只能按姓名查找，完整电话号码不能放在网址中')
    .optional()
    .describe('上报人姓名的任意部分 (需 users.read)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

/** Most rows one case export may hold; a larger selection must be narrowed by its filters. */
export const CASES_EXPORT_MAX = 20_000;

/** GET /api/cases/export: the queue's filters (no paging) and the reason a sheet with reporters' names needs. */
export const CaseExportQuerySchema = CaseListQuerySchema.omit({ limit: true, offset: true }).extend(
  {
    reason: ExportReasonSchema,
  },
);
export type CaseExportQuery = z.infer<typeof CaseExportQuerySchema>;

export const ClockViewSchema = z.object({
  step: z.enum(CASE_STEPS),
  deadlineAt: z.string(),
  light: z.enum(LIGHTS),
  ratio: z.number(),
  paused: z.boolean(),
});

export const CaseViewSchema = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    state: z.enum(CASE_STATES),
    version: z.number().int(),
    source: z.enum(CASE_SOURCES),
    kind: z.string(),
    classCode: z.string().nullable(),
    conditionId: z.string().nullable(),
    componentId: z.string().nullable(),
    gridCode: z.string(),
    streetCode: z.string(),
    communityCode: z.string(),
    position: z.tuple([z.number(), z.number()]),
    address: z.string(),
    description: z.string(),
    reporterId: z.string().nullable(),
    handlingDeptId: z.string().nullable(),
    masterCaseId: z.string().nullable(),
    closeReason: z.enum(CLOSE_REASONS).nullable(),
    supervisionLevel: z.string().nullable(),
    urgent: z.boolean(),
    selfHandled: z.boolean(),
    reworkCount: z.number().int(),
    reopenCount: z.number().int(),
    pendingRequests: z.array(
      z.object({
        type: z.enum(REQUEST_TYPES),
        byUserId: z.string(),
        reason: z.string(),
        at: z.string(),
      }),
    ),
    assignedVerifierId: z.string().nullable(),
    assignedCheckerId: z.string().nullable(),
    photos: z.array(z.string()),
    rating: z.string().nullable(),
    externalId: z.string().nullable().describe('12345 work-order id (hotline_12345 only)'),
    externalDeadline: z.string().nullable().describe('12345’s own deadline'),
    detection: DetectionSchema.extend({
      bbox: DetectionSchema.shape.bbox.unwrap().nullable(),
      imageId: z.string().nullable(),
    })
      .nullable()
      .describe('What the video/AI detector proposed (video_ai only)'),
    clocks: z.array(ClockViewSchema).describe('Running step clocks with their lights'),
    dueAt: z.string().nullable().describe('Deadline of the most urgent running step'),
    deadlineAt: z.string().nullable().describe('Overall deadline (立案 → 结案)'),
    overallLight: z
      .enum(LIGHTS)
      .nullable()
      .describe('Against the earlier of the overall deadline and 12345’s'),
    registeredAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('What the caller may do next'),
    decidableRequests: z.array(z.enum(REQUEST_TYPES)),
    nextSteps: z
      .array(
        z.object({
          roles: z.array(z.enum(CASE_ROLES)),
          actions: z.array(z.enum(CASE_ACTIONS)),
          requestType: z.enum(REQUEST_TYPES).optional(),
          userId: z.string().optional().describe('The assigned 核实/核查 person'),
          departmentId: z.string().optional().describe('The department handling the case'),
        }),
      )
      .describe(
        'Who acts next and what they must do, from the case table (anyone, not only the caller)',
      ),
  })
  .meta({ id: 'Case' });
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseListSchema = z.object({ items: z.array(CaseViewSchema) });

export const CaseEventSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    note: z.string().nullable(),
    data: z.unknown(),
    at: z.string(),
  })
  .meta({ id: 'CaseEvent' });
export const CaseEventListSchema = z.object({ items: z.array(CaseEventSchema) });

export const NearbyCasesQuerySchema = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  classCode: z.string().regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母'),
});
export const NearbyCasesSchema = z.object({
  items: z.array(z.object({ distanceM: z.number(), case: CaseViewSchema })),
});
