import { z } from 'zod';
import { CrsSchema } from '../areas/areas.schemas';
import { CaseViewSchema } from '../cases/cases-api.schemas';

/** The field app's 核实 and 核查 answers: the only transitions a grid worker completes from the queue. */
export const FIELD_TASK_ACTIONS = [
  'verify_true',
  'verify_false',
  'check_pass',
  'check_fail',
] as const;
export type FieldTaskAction = (typeof FIELD_TASK_ACTIONS)[number];

/** A client-generated key: the same key sent twice completes the task once. */
export const OpKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, '幂等键应为 8–100 位字母、数字、_ 或 -')
  .describe('Client-generated idempotency key, kept on the device until the server answers');

/** A position from the phone; GCJ-02 (phone SDKs in China) when declared, converted on the server. */
export const FieldGpsSchema = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: CrsSchema.default('wgs84'),
});

/** Body of POST /api/field/tasks/:id/complete. */
export const FieldTaskCompleteRequestSchema = z
  .object({
    key: OpKeySchema,
    action: z.enum(FIELD_TASK_ACTIONS),
    version: z
      .number()
      .int()
      .nonnegative()
      .describe('The case version the worker saw; another change since then answers 409'),
    note: z.string().trim().min(1).max(2000).optional(),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('Required by 不属实 and 核查不通过'),
    photos: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
    gps: FieldGpsSchema.optional(),
  })
  .meta({ id: 'FieldTaskCompleteRequest' });
export type FieldTaskCompleteRequest = z.infer<typeof FieldTaskCompleteRequestSchema>;

export const FieldTaskCompleteResponseSchema = z
  .object({
    replayed: z.boolean().describe('true when this key had already completed the task'),
    case: CaseViewSchema,
  })
  .meta({ id: 'FieldTaskCompleteResponse' });
export type FieldTaskCompleteResponse = z.infer<typeof FieldTaskCompleteResponseSchema>;
