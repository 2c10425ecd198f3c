import { z } from 'zod';
import { CalendarDateSchema } from '../calendar/calendar.schemas';
import { RISK_CHANGES, VISIT_METHODS, VISIT_TASK_STATUSES } from './special-groups.constants';
import { AttentionLevelSchema } from './special-groups.schemas';

/**
 * A visit due (走访任务). It never names the group: a worker without special.read learns only that this person is
 * to be visited by a date.
 */
export const VisitTaskSchema = z
  .object({
    id: z.string(),
    membershipId: z.string(),
    personId: z.string(),
    personName: z.string().nullable().describe('Masked (张*明)'),
    streetCode: z.string(),
    communityCode: z.string(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    dueDate: z.string(),
    attentionLevel: AttentionLevelSchema,
    status: z.enum(VISIT_TASK_STATUSES),
    overdue: z.boolean().describe('Due before today (Shanghai) and not done'),
    assigneeUserId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    visitId: z.string().nullable().describe('The visit that completed it'),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'VisitTask' });
export type VisitTask = z.infer<typeof VisitTaskSchema>;
export const VisitTaskListSchema = z.object({
  items: z.array(VisitTaskSchema),
  total: z.number().int(),
});

export const VisitTaskListQuerySchema = z.object({
  mine: z
    .enum(['1', 'true', '0', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional()
    .describe('Only tasks assigned to the caller'),
  status: z.enum(VISIT_TASK_STATUSES).optional(),
  areaCode: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type VisitTaskListQuery = z.infer<typeof VisitTaskListQuerySchema>;

export const VisitPositionSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});

export const CompleteVisitRequestSchema = z
  .object({
    visitedAt: z.iso.datetime({ offset: true }).describe('When the visit took place'),
    method: z.enum(VISIT_METHODS),
    location: VisitPositionSchema.optional().describe('WGS84, where the visit took place'),
    findings: z
      .string()
      .trim()
      .min(2, '请填写走访情况')
      .max(4000)
      .describe('Encrypted at rest; shown only to special.read holders'),
    photos: z
      .array(z.string().min(1).max(64))
      .max(9)
      .optional()
      .describe('Attachment ids the caller uploaded'),
    riskChange: z.enum(RISK_CHANGES).default('none'),
    attentionLevel: AttentionLevelSchema.optional().describe(
      'New 关注程度 when the visit changes it',
    ),
    nextVisitDate: CalendarDateSchema.optional().describe(
      'Overrides the scheduled interval for the next visit',
    ),
  })
  .meta({ id: 'CompleteVisitRequest' });
export type CompleteVisitRequest = z.infer<typeof CompleteVisitRequestSchema>;

export const RecordVisitRequestSchema = CompleteVisitRequestSchema.extend({
  membershipId: z
    .string()
    .min(1)
    .max(64)
    .describe('The membership visited (from a task or the person page)'),
}).meta({ id: 'RecordVisitRequest' });
export type RecordVisitRequest = z.infer<typeof RecordVisitRequestSchema>;

/** A recorded visit. Group and findings are null for viewers without special.read. */
export const VisitSchema = z
  .object({
    id: z.string(),
    membershipId: z.string(),
    taskId: z.string().nullable(),
    personId: z.string(),
    visitorId: z.string(),
    visitorName: z.string().nullable(),
    visitedAt: z.string(),
    method: z.enum(VISIT_METHODS),
    location: VisitPositionSchema.nullable(),
    photos: z.array(z.string()),
    riskChange: z.enum(RISK_CHANGES),
    attentionBefore: AttentionLevelSchema,
    attentionAfter: AttentionLevelSchema,
    nextVisitDate: z.string().nullable(),
    findings: z.string().nullable(),
    groupCode: z.string().nullable(),
    groupName: z.string().nullable(),
    restricted: z.boolean().describe('True when group and findings were withheld from this viewer'),
    createdAt: z.string(),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof VisitSchema>;

export const VisitRecordedSchema = z
  .object({
    visit: VisitSchema,
    completedTask: VisitTaskSchema.nullable(),
    nextTask: VisitTaskSchema.nullable(),
  })
  .meta({ id: 'VisitRecorded' });
export type VisitRecorded = z.infer<typeof VisitRecordedSchema>;

export const PersonVisitsSchema = z.object({
  visits: z.array(VisitSchema),
  tasks: z.array(VisitTaskSchema),
});
export type PersonVisits = z.infer<typeof PersonVisitsSchema>;
