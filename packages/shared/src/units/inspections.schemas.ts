import { z } from 'zod';
import { CalendarDateSchema } from '../calendar/calendar.schemas';
import { HAZARD_LEVELS, INSPECTION_RESULTS, INSPECTION_TARGET_TYPES } from './unit-fields';
import { UnitPageQuerySchema } from './units.schemas';

export const HazardInputSchema = z.object({
  description: z.string().trim().min(2, '请描述隐患（至少 2 个字）').max(500),
  level: z.enum(HAZARD_LEVELS).describe('一般 / 重大'),
  rectifyBy: CalendarDateSchema.nullable().optional().describe('整改期限 YYYY-MM-DD'),
});
export type HazardInput = z.infer<typeof HazardInputSchema>;

export const CreateInspectionRequestSchema = z
  .object({
    targetType: z.enum(INSPECTION_TARGET_TYPES),
    targetId: z.string().min(1).max(64),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the inspection took place; defaults to now'),
    result: z.enum(INSPECTION_RESULTS),
    findings: z.string().trim().max(2000).optional(),
    hazards: z.array(HazardInputSchema).max(50).default([]),
    photos: z
      .array(z.string().min(1).max(64))
      .max(20)
      .optional()
      .describe('Attachment ids from POST /api/attachments'),
  })
  .refine((b) => (b.result === 'hazards_found') === b.hazards.length > 0, {
    message: '发现隐患时请逐条填写隐患；检查合格时不应填写隐患',
    path: ['hazards'],
  })
  .meta({ id: 'CreateInspectionRequest' });
export type CreateInspectionRequest = z.infer<typeof CreateInspectionRequestSchema>;

export const HazardSchema = HazardInputSchema.extend({
  id: z.string(),
  rectifyBy: z.string().nullable(),
  caseId: z.string().nullable().describe('The case raised for this hazard'),
}).meta({ id: 'InspectionHazard' });
export type Hazard = z.infer<typeof HazardSchema>;

export const InspectionSchema = z
  .object({
    id: z.string(),
    targetType: z.enum(INSPECTION_TARGET_TYPES),
    targetId: z.string(),
    targetName: z.string(),
    inspectorId: z.string(),
    inspectorName: z.string().nullable(),
    at: z.string(),
    result: z.enum(INSPECTION_RESULTS),
    findings: z.string().nullable(),
    hazards: z.array(HazardSchema),
    photos: z.array(z.string()),
    gridCode: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Inspection' });
export type Inspection = z.infer<typeof InspectionSchema>;

export const InspectionListSchema = z
  .object({ items: z.array(InspectionSchema), total: z.number().int() })
  .meta({ id: 'InspectionList' });
export type InspectionList = z.infer<typeof InspectionListSchema>;

export const InspectionListQuerySchema = UnitPageQuerySchema.extend({
  targetId: z.string().max(64).optional(),
  targetType: z.enum(INSPECTION_TARGET_TYPES).optional(),
  result: z.enum(INSPECTION_RESULTS).optional(),
  areaCode: z.string().max(20).optional(),
});
export type InspectionListQuery = z.infer<typeof InspectionListQuerySchema>;

export const OverdueInspectionQuerySchema = UnitPageQuerySchema.extend({
  targetType: z.enum(INSPECTION_TARGET_TYPES).optional(),
  areaCode: z.string().max(20).optional(),
});
export type OverdueInspectionQuery = z.infer<typeof OverdueInspectionQuerySchema>;

export const OverdueInspectionSchema = z
  .object({
    targetType: z.enum(INSPECTION_TARGET_TYPES),
    id: z.string(),
    name: z.string(),
    kind: z.string().describe('unitType or placeType'),
    address: z.string(),
    gridCode: z.string(),
    gridName: z.string().nullable(),
    nextInspectionDue: z.string(),
    lastInspectedAt: z.string().nullable(),
    daysOverdue: z.number().int(),
  })
  .meta({ id: 'OverdueInspection' });
export type OverdueInspection = z.infer<typeof OverdueInspectionSchema>;

export const OverdueInspectionListSchema = z
  .object({
    items: z.array(OverdueInspectionSchema),
    total: z.number().int(),
    today: z.string().describe('YYYY-MM-DD (Shanghai)'),
  })
  .meta({ id: 'OverdueInspectionList' });
export type OverdueInspectionList = z.infer<typeof OverdueInspectionListSchema>;

export const RaiseHazardCaseRequestSchema = z
  .object({
    hazardId: z.string().min(1).max(64),
    classCode: z.string().regex(/^[0-9A-Z]{5,20}$/, '请选择案件分类（小类编码）'),
    description: z
      .string()
      .trim()
      .min(2)
      .max(2000)
      .optional()
      .describe('Defaults to the place and the hazard'),
    urgent: z.boolean().optional(),
  })
  .meta({ id: 'RaiseHazardCaseRequest' });
export type RaiseHazardCaseRequest = z.infer<typeof RaiseHazardCaseRequestSchema>;

export const RaiseHazardCaseResponseSchema = z
  .object({ inspection: InspectionSchema, caseId: z.string(), caseNo: z.string() })
  .meta({ id: 'RaiseHazardCaseResponse' });
export type RaiseHazardCaseResponse = z.infer<typeof RaiseHazardCaseResponseSchema>;
