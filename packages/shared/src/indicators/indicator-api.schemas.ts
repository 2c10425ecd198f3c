import { z } from 'zod';
import { CASE_SOURCES } from '../cases/case-states';
import { INDICATOR_IDS, POSITIONS } from './indicator-catalogue';
import { GRADES } from './indicator-schemes';

// The indicator routes (docs/indicators.md §10). A figure is its value ("—" when null), the size of its cohort and,
// for a rate, its numerator; the drill-down of a figure lists exactly that cohort or numerator.

export const INDICATOR_GROUP_BYS = [
  'none',
  'street',
  'community',
  'grid',
  'department',
  'person',
] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BYS)[number];

const idList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(INDICATOR_IDS)).max(INDICATOR_IDS.length))
  .optional()
  .describe('Comma-separated indicator ids; default: every indicator of the object');

export const IndicatorQuerySchema = z.object({
  object: z.enum(['area', 'department', 'position']).default('area'),
  areaCode: z
    .string()
    .regex(/^\d{6,15}$/, '区域编码应为 6–15 位数字')
    .optional()
    .describe('area: the area (default: the caller’s whole scope)'),
  departmentId: z.string().min(1).max(64).optional().describe('department: the department'),
  position: z.enum(POSITIONS).optional().describe('position: which position'),
  userId: z.string().min(1).max(64).optional().describe('position: the person'),
  period: z
    .string()
    .max(32)
    .describe(
      '2026-12-05, 2026-W49, 2026-12, 2026-Q4, 2026 or 2026-12-01..2026-12-16 (end not included)',
    ),
  groupBy: z.enum(INDICATOR_GROUP_BYS).default('none'),
  ids: idList,
  scheme: z.string().max(40).optional(),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'A published version of the period; default its current version, or live figures if unpublished',
    ),
  compare: z
    .enum(['0', '1'])
    .default('0')
    .describe('1: also the 环比 (previous period) and 同比 (a year earlier) values'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;

export const FigureValueSchema = z.object({
  value: z
    .number()
    .nullable()
    .describe('null: no value (a rate with a zero denominator), shown as —'),
  n: z.number().int().min(0),
  k: z.number().int().min(0).optional(),
});
export type FigureValueDto = z.infer<typeof FigureValueSchema>;

const ScoreSchema = z
  .object({
    value: z.number().nullable(),
    grade: z.enum(GRADES).nullable(),
    parts: z.array(
      z.object({
        indicator: z.enum(INDICATOR_IDS),
        weight: z.number(),
        effectiveWeight: z.number(),
        score: z.number().nullable(),
      }),
    ),
  })
  .nullable();

const PeriodSchema = z.object({
  type: z.string(),
  key: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  start: z.string(),
  end: z.string(),
});

export const FigureRowSchema = z.object({
  key: z
    .string()
    .nullable()
    .describe('The group (street code, department id, user id…); null when not grouped'),
  name: z.string().nullable(),
  figures: z.partialRecord(z.enum(INDICATOR_IDS), FigureValueSchema),
  score: ScoreSchema,
  rank: z.number().int().min(1).nullable(),
  previous: z.partialRecord(z.enum(INDICATOR_IDS), z.number().nullable()).optional(),
  yearAgo: z.partialRecord(z.enum(INDICATOR_IDS), z.number().nullable()).optional(),
});
export type FigureRowDto = z.infer<typeof FigureRowSchema>;

export const IndicatorFiguresSchema = z.object({
  period: PeriodSchema,
  previousPeriod: PeriodSchema.nullable(),
  yearAgoPeriod: PeriodSchema.nullable(),
  asOf: z.string(),
  scheme: z.string(),
  /** Set when the figures come from a published snapshot rather than the live log. */
  publication: z.object({ version: z.number().int(), publishedAt: z.string() }).nullable(),
  rows: z.array(FigureRowSchema),
});
export type IndicatorFigures = z.infer<typeof IndicatorFiguresSchema>;

export const IndicatorDrillQuerySchema = IndicatorQuerySchema.omit({
  groupBy: true,
  ids: true,
  compare: true,
}).extend({
  id: z.enum(INDICATOR_IDS),
  part: z.enum(['cohort', 'numerator']).default('cohort'),
  /** A page of the list (oldest first); `total` is the whole figure whatever the page. */
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(5000),
});
export type IndicatorDrillQuery = z.infer<typeof IndicatorDrillQuerySchema>;

export const IndicatorDrillSchema = z.object({
  total: z.number().int().min(0),
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNo: z.string().nullable(),
      seq: z.number().int(),
      at: z.string().describe('When it was counted: the event, or the deadline of a due item'),
      state: z.string().nullable(),
      classCode: z.string().nullable(),
      address: z.string().nullable(),
    }),
  ),
});
export type IndicatorDrill = z.infer<typeof IndicatorDrillSchema>;

// Publications (docs/indicators.md §6) and assessment schemes (§7).

export const PublishPeriodSchema = z.object({
  period: z
    .string()
    .max(32)
    .describe('An ended day, week, month, quarter or year: 2026-11, 2026-Q3…'),
});
export const RecomputePeriodSchema = PublishPeriodSchema.extend({
  reason: z.string().trim().min(2, '请说明重算原因').max(500),
});
export const PublicationListQuerySchema = z.object({ period: z.string().max(32).optional() });

export const PublicationSchema = z.object({
  id: z.string(),
  periodType: z.string(),
  periodKey: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable().optional(),
  reason: z.string().nullable(),
  factCount: z.number().int(),
  current: z.boolean(),
  supersededAt: z.string().nullable(),
});
export const PublicationListSchema = z.object({ items: z.array(PublicationSchema) });

const CountBandsSchema = z.object({
  bands: z
    .array(z.object({ above: z.number(), score: z.number() }))
    .max(20)
    .readonly(),
  belowPerCount: z.number(),
});
const ComponentSchema = z.object({
  indicator: z.enum(INDICATOR_IDS),
  weight: z.number(),
  conversion: z.discriminatedUnion('type', [
    z.object({ type: z.literal('rate') }),
    z.object({ type: z.literal('inverseRate') }),
    z.object({ type: z.literal('countBands'), bands: CountBandsSchema }),
  ]),
});
/** An assessment scheme as stored and edited; checkScheme then checks weights, bands and indicators. */
export const AssessmentSchemeSchema = z.object({
  code: z.string().min(1).max(40),
  zh: z.string().min(1).max(60),
  en: z.string().min(1).max(60),
  targets: z.partialRecord(
    z.enum(['inspector', 'intake_operator', 'shift_leader', 'dispatcher', 'department', 'area']),
    z.array(ComponentSchema).max(20).readonly(),
  ),
  grades: z
    .array(z.object({ grade: z.enum(GRADES), min: z.number() }))
    .max(5)
    .readonly(),
  dispatchAccuracyVariant: z.enum(['rework', 'redirect']),
  missedReportSources: z.array(z.enum(CASE_SOURCES)).max(CASE_SOURCES.length).readonly(),
  requestSources: z.array(z.enum(CASE_SOURCES)).max(CASE_SOURCES.length).readonly(),
});
export const SchemeListSchema = z.object({
  items: z.array(AssessmentSchemeSchema.extend({ version: z.number().int().optional() })),
});
export const SchemeCodeParamSchema = z.object({ code: z.string().min(1).max(40) });
