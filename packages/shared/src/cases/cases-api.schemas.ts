import { z } from 'zod';
import { CrsSchema } from '../areas/areas.schemas';
import { CASE_ACTIONS, REQUEST_TYPES } from './case-actions';
import { CASE_SOURCES, CASE_STATES, CASE_STEPS, CLOSE_REASONS } from './case-states';

const LIGHTS = ['green', 'yellow', 'red'] as const;

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
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

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
    clocks: z.array(ClockViewSchema).describe('Running step clocks with their lights'),
    dueAt: z.string().nullable().describe('Deadline of the most urgent running step'),
    deadlineAt: z.string().nullable().describe('Overall deadline (立案 → 结案)'),
    overallLight: z.enum(LIGHTS).nullable(),
    registeredAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('What the caller may do next'),
    decidableRequests: z.array(z.enum(REQUEST_TYPES)),
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
