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
