import { z } from 'zod';
import { CalendarDateSchema } from '../calendar/calendar.schemas';

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetName: z
      .string()
      .nullable()
      .describe(
        "The target's name, resolved within the viewer's scope (null: no name, or out of scope)",
      ),
    targetOutOfScope: z
      .boolean()
      .describe(
        'The target exists in a module that names its records, but not within the viewer’s scope',
      ),
    areaCode: z.string().nullable().describe('The area the entry is filed under (null: city-wide)'),
    ip: z.string().nullable(),
    detail: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const code = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, '应为小写字母、数字或下划线');

/** The filters of the audit page, its export and the embedded list; every one optional. */
export const AuditFilterSchema = z.object({
  action: z
    .string()
    .max(2000)
    .regex(/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/, '操作代码以逗号分隔')
    .optional()
    .describe('One action code, or several separated by commas'),
  actorId: z.string().max(64).optional(),
  targetType: code.optional(),
  targetId: z.string().max(200).optional(),
  areaCode: z
    .string()
    .regex(/^\d{2,20}$/, '区域代码应为数字')
    .optional(),
  from: CalendarDateSchema.optional().describe('First day (Beijing time), YYYY-MM-DD'),
  to: CalendarDateSchema.optional().describe('Last day (Beijing time), YYYY-MM-DD'),
  hideLogins: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Leave out sign-ins, failed sign-ins and sign-outs (unless `action` names them)'),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditListQuerySchema = AuditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe('1-based; with `limit` as the page size'),
  before: z.string().max(64).optional().describe('Return entries older than this id'),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;
export const AuditListSchema = z.object({
  items: z.array(AuditEntrySchema),
  total: z.number().int().describe('Entries matching the filters (all pages)'),
});

export const AuditExportQuerySchema = AuditFilterSchema.extend({
  // Optional here so a missing reason and a short one are the same refusal, on `reason`, from the service.
  reason: z.string().max(200).optional().describe('导出原因 (必填, 至少 2 个字, 记入审计)'),
});
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

/** The actors one may filter by: who wrote entries the viewer can see. */
export const AuditActorListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});
