import { z } from 'zod';
import {
  CASE_ACTIONS,
  LIMIT_TYPES,
  RATINGS,
  REQUEST_TYPES,
  SUPERVISION_LEVELS,
} from './case-actions';
import { CASE_SOURCES, CASE_STATES, CLOSE_REASONS } from './case-states';

export const CaseStateSchema = z.enum(CASE_STATES);
export const CaseActionSchema = z.enum(CASE_ACTIONS);
export const CaseSourceSchema = z.enum(CASE_SOURCES);
export const CloseReasonSchema = z.enum(CLOSE_REASONS);
export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export const SupervisionLevelSchema = z.enum(SUPERVISION_LEVELS);
export const RatingSchema = z.enum(RATINGS);
export const LimitTypeSchema = z.enum(LIMIT_TYPES);

const Id = z.string().trim().min(1).max(64);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const GpsSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});

export const ExtensionSchema = z.object({
  value: z.number().positive().max(10000),
  limitType: LimitTypeSchema,
});

/**
 * Body of POST /cases/:id/transitions. Which fields an action requires is decided by `decide` (one table
 * for server and UI), so the schema only checks shapes. Server facts (GPS-in-grid, assignee, master state,
 * sample draw, dispatch suggestion) are never taken from the body.
 */
export const CaseTransitionRequestSchema = z
  .object({
    action: CaseActionSchema,
    version: z
      .number()
      .int()
      .nonnegative()
      .describe('Case version read by the client (optimistic concurrency)'),
    note: Text(2000).optional(),
    reason: Text(1000).optional(),
    photos: z.array(Id).max(20).optional().describe('Attachment ids'),
    gps: GpsSchema.optional(),
    result: Text(2000).optional().describe('Handling result text (处理反馈)'),
    closeReason: CloseReasonSchema.optional(),
    departmentId: Id.optional(),
    classCode: z
      .string()
      .regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母')
      .optional(),
    conditionId: Id.optional(),
    assigneeId: Id.optional(),
    requestType: RequestTypeSchema.optional(),
    extension: ExtensionSchema.optional(),
    level: SupervisionLevelSchema.optional(),
    rating: RatingSchema.optional(),
    masterCaseId: Id.optional(),
    linkedCaseId: Id.optional().describe('The case a duplicate is voided in favour of'),
    flags: z
      .object({ urgent: z.boolean().optional(), legacyIssue: z.boolean().optional() })
      .optional(),
  })
  .meta({ id: 'CaseTransitionRequest' });
export type CaseTransitionRequest = z.infer<typeof CaseTransitionRequestSchema>;
