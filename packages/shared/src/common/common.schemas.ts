import { z } from 'zod';

/** Error body of every failed API call. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, see errors.ts'),
      message: z.string(),
      field: z.string().optional().describe('The input field at fault, dotted path'),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const IdParamSchema = z.object({ id: z.string().min(1).max(64) });

export const OkResponseSchema = z.object({ ok: z.literal(true) });

export const HealthResponseSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    schemaVersion: z.string().describe('Name of the newest applied migration'),
    version: z.string(),
  })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/**
 * Why a search by a full ID number or phone is made. Such a search is an unmasking (a hit confirms the value behind
 * a mask), so the server requires personal.unmask and this reason, and audits both; the zod schema only bounds it so
 * the server can name the field when it is missing or short.
 */
export const PersonalSearchReasonSchema = z
  .string()
  .max(200)
  .optional()
  .describe('查询原因 (至少 2 个字, 记入审计)');

/**
 * A query parameter that once carried a full personal value. It is refused rather than ignored, so an old client
 * learns that the filter moved into a POST body (URLs land in access logs and browser history).
 */
export const movedToBody = (route: string) =>
  z
    .never({ error: `完整号码不能放在网址中，请改用 POST ${route} 并说明原因` })
    .optional()
    .describe(`Refused (400): a full value goes in the body of POST ${route}, with a reason`);

/**
 * Why a registry export carries personal data in clear. Without it an export is masked; with it (and registry.export)
 * names, ID numbers and phones come in full and the reason is recorded in the audit entry, as for unmasking one record.
 */
export const ExportReasonSchema = z
  .string()
  .trim()
  .min(4, '请说明导出完整信息的原因（至少 4 个字）')
  .max(200)
  .optional()
  .describe('导出完整信息的原因 (需 registry.export; 无此参数时导出脱敏数据)');
