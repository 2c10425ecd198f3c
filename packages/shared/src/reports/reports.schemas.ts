import { z } from 'zod';

/** 'YYYY-MM': the month a monthly report covers (Asia/Shanghai). */
export const REPORT_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const REPORT_TRIGGERS = ['manual', 'schedule'] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];

/** Body of POST /api/reports/monthly. */
export const GenerateMonthlyReportRequestSchema = z
  .object({
    areaCode: z
      .string()
      .trim()
      .regex(/^\d{6,20}$/, '区域代码应为 6–20 位数字')
      .describe('A district, street or community within the caller’s scope'),
    period: z
      .string()
      .regex(REPORT_PERIOD_PATTERN, '月份格式应为 YYYY-MM')
      .describe('The month covered, e.g. 2026-11; it must have ended'),
  })
  .meta({ id: 'GenerateMonthlyReportRequest' });
export type GenerateMonthlyReportRequest = z.infer<typeof GenerateMonthlyReportRequestSchema>;

/** A headline figure as the report prints it: `display` is "—" when a rate has no denominator. */
export const ReportHeadlineSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  display: z.string(),
});
export type ReportHeadline = z.infer<typeof ReportHeadlineSchema>;

export const ReportSchema = z
  .object({
    id: z.string(),
    kind: z.literal('monthly'),
    areaCode: z.string(),
    areaLevel: z.string(),
    areaName: z.string(),
    period: z.string(),
    trigger: z.enum(REPORT_TRIGGERS),
    createdAt: z.string(),
    htmlBytes: z.number().int(),
    pdf: z
      .object({ bytes: z.number().int(), pages: z.number().int() })
      .nullable()
      .describe('Null when no headless browser was available to print it'),
    headline: z.array(ReportHeadlineSchema),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof ReportSchema>;

export const ReportListQuerySchema = z.object({
  areaCode: z
    .string()
    .max(20)
    .optional()
    .describe('Reports of this area and the areas below it, within the caller’s scope'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;
export const ReportListSchema = z.object({ items: z.array(ReportSchema) });
