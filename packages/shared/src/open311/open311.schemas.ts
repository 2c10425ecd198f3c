import { z } from 'zod';

// Open311 GeoReport v2 (docs/open311.md): partner systems submit requests with an api_key that an administrator
// issues here. Only a keyed hash of a key is stored; the key itself is shown once, when it is issued.

/** The page limit of GET requests (the spec's default volume), published in discovery as max_requests. */
export const OPEN311_MAX_REQUESTS = 1000;
/** The longest start_date–end_date span, and the default window, of GET requests. */
export const OPEN311_MAX_SPAN_DAYS = 90;

const ServiceCode = z.string().regex(/^[0-9A-Z]{5,20}$/, '小类编码应为 5–20 位数字或大写字母');

export const Open311KeySchema = z
  .object({
    id: z.string(),
    name: z.string().describe('The partner system, e.g. 市民通 App'),
    prefix: z.string().describe('The first characters of the key, to tell keys apart'),
    serviceCodes: z
      .array(z.string())
      .nullable()
      .describe('Service codes the key may submit; null: every public service'),
    createdAt: z.string(),
    createdBy: z.string().nullable().describe('Username of the administrator who issued it'),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Open311Key' });
export type Open311Key = z.infer<typeof Open311KeySchema>;

export const Open311KeyListSchema = z.object({ items: z.array(Open311KeySchema) });

export const CreateOpen311KeyRequestSchema = z
  .object({
    name: z.string().trim().min(2, '请填写对接系统名称').max(60, '名称不能超过 60 字'),
    serviceCodes: z.array(ServiceCode).max(200).optional(),
  })
  .meta({ id: 'CreateOpen311KeyRequest' });
export type CreateOpen311KeyRequest = z.infer<typeof CreateOpen311KeyRequestSchema>;

export const Open311KeyIssuedSchema = z
  .object({
    key: Open311KeySchema,
    apiKey: z.string().describe('The key itself: shown this once, never again'),
  })
  .meta({ id: 'Open311KeyIssued' });
export type Open311KeyIssued = z.infer<typeof Open311KeyIssuedSchema>;

export const Open311KeyParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** What discovery publishes and which jurisdiction_id is ours (docs/open311.md §8). */
export const Open311SettingsSchema = z
  .object({
    jurisdictionId: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]{3,100}$/, '辖区标识应为城市的网站域名，如 wangge.example.gov.cn')
      .nullable()
      .describe('The city’s web domain; null: only our district codes are accepted'),
    contact: z.string().trim().min(2).max(200).describe('discovery contact'),
    keyService: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .describe('discovery key_service: how to get a key'),
  })
  .meta({ id: 'Open311Settings' });
export type Open311Settings = z.infer<typeof Open311SettingsSchema>;
