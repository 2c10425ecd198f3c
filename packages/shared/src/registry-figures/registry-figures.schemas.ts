import { z } from 'zod';
import { HOUSE_USES } from '../addresses/house-fields';
import { PERIOD_TYPES } from '../indicators/indicator-periods';
import { DATA_STATES, HOUSEHOLD_STATUSES, POPULATION_TYPES } from '../population/person-fields';
import { RESIDENT_FILE_KINDS } from '../resident-files/resident-files.schemas';
import { ATTENTION_LEVELS } from '../special-groups/special-groups.constants';
import { PLACE_TYPES, UNIT_TYPES } from '../units/unit-fields';

// Registry and care-work figures (docs/registry-figures.md): counts only, within the caller's scope. Each block is
// null when the caller may not read that register (a figure says nothing a list would not show them).

export const FIGURE_GROUP_BYS = ['none', 'street', 'community', 'grid'] as const;
export type FigureGroupBy = (typeof FIGURE_GROUP_BYS)[number];

const n = z.number().int().min(0);
const countsOf = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.record(z.enum(keys), n);

const AreaCodeParam = z
  .string()
  .regex(/^\d{6,15}$/, '区域编码应为 6–15 位数字')
  .optional()
  .describe('The area (district, street, community or grid); default: the caller’s whole scope');
const PeriodParam = z
  .string()
  .max(32)
  .optional()
  .describe(
    '2026-12-05, 2026-W49, 2026-12, 2026-Q4, 2026 or 2026-12-01..2026-12-16; default: this month',
  );

export const RegistryFiguresQuerySchema = z.object({
  areaCode: AreaCodeParam,
  groupBy: z.enum(FIGURE_GROUP_BYS).default('none'),
  period: PeriodParam,
});
export type RegistryFiguresQuery = z.infer<typeof RegistryFiguresQuerySchema>;

export const FigurePeriodSchema = z.object({
  type: z.enum(PERIOD_TYPES),
  key: z.string(),
  startDate: z.string(),
  endDate: z.string().describe('The day after the last'),
});

export const RegistryFiguresSchema = z
  .object({
    population: z
      .object({
        total: n,
        byType: countsOf(POPULATION_TYPES),
        byHouseholdStatus: countsOf([...HOUSEHOLD_STATUSES, 'unset']),
        byDataState: countsOf(DATA_STATES),
      })
      .nullable(),
    houses: z.object({ total: n, rentals: n, byUse: countsOf(HOUSE_USES) }).nullable(),
    units: z
      .object({
        total: n,
        keyUnits: n,
        byType: countsOf(UNIT_TYPES),
        places: n,
        placesByType: countsOf(PLACE_TYPES),
      })
      .nullable(),
    inspections: z.object({ due: n, overdue: n, done: n, doneUnits: n, donePlaces: n }).nullable(),
    special: z
      .object({
        members: n,
        byGroup: z.array(z.object({ code: z.string(), name: z.string(), count: n })),
        byAttention: countsOf(ATTENTION_LEVELS),
      })
      .nullable(),
    visits: z.object({ due: n, done: n, overdue: n, recorded: n }).nullable(),
    residentFiles: z.object({ total: n, byKind: countsOf(RESIDENT_FILE_KINDS) }).nullable(),
  })
  .meta({ id: 'RegistryFigures' });
export type RegistryFigures = z.infer<typeof RegistryFiguresSchema>;

export const RegistryFiguresRowSchema = z.object({
  areaCode: z.string().nullable().describe('Null: records filed above this level (no grid yet)'),
  areaName: z.string().nullable(),
  figures: RegistryFiguresSchema,
});

export const RegistryFiguresReportSchema = z
  .object({
    areaCode: z.string().nullable().describe('Null: the caller’s whole scope'),
    areaName: z.string().nullable(),
    groupBy: z.enum(FIGURE_GROUP_BYS),
    period: FigurePeriodSchema,
    today: z.string(),
    totals: RegistryFiguresSchema,
    rows: z.array(RegistryFiguresRowSchema),
  })
  .meta({ id: 'RegistryFiguresReport' });
export type RegistryFiguresReport = z.infer<typeof RegistryFiguresReportSchema>;

export const GridWorkerFiguresQuerySchema = z.object({
  areaCode: AreaCodeParam,
  period: PeriodParam,
});
export type GridWorkerFiguresQuery = z.infer<typeof GridWorkerFiguresQuerySchema>;

const activity = {
  reports: n.nullable().describe('Cases reported in the period (their report event)'),
  visitsDone: n.nullable().describe('Visits recorded in the period'),
  visitsOverdue: n
    .nullable()
    .describe('Visit tasks due in the period, still open, due before today'),
  residentFiles: n.nullable().describe('民情档案/民情日志 entries dated in the period'),
  inspections: n.nullable().describe('Inspections recorded in the period'),
};

export const GridWorkerFiguresSchema = z
  .object({
    areaCode: z.string().nullable(),
    areaName: z.string().nullable(),
    period: FigurePeriodSchema,
    today: z.string(),
    workers: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        posts: z.array(
          z.object({ gridCode: z.string(), gridName: z.string().nullable(), role: z.string() }),
        ),
        ...activity,
        score: z
          .object({ value: z.number().nullable(), grade: z.string().nullable() })
          .nullable()
          .describe(
            'The 监督员 综合指标值 and grade of the assessment scheme for the period (docs/indicators.md §7); null without indicators.read',
          ),
      }),
    ),
    grids: z.array(
      z.object({
        gridCode: z.string(),
        gridName: z.string().nullable(),
        staff: z.number().int(),
        visitsDue: n.nullable(),
        ...activity,
      }),
    ),
  })
  .meta({ id: 'GridWorkerFigures' });
export type GridWorkerFigures = z.infer<typeof GridWorkerFiguresSchema>;

export const FIGURE_VISIT_STATES = ['due', 'done', 'overdue'] as const;
export type FigureVisitState = (typeof FIGURE_VISIT_STATES)[number];

export const FigureVisitsQuerySchema = z.object({
  areaCode: AreaCodeParam,
  period: PeriodParam,
  state: z.enum(FIGURE_VISIT_STATES),
  assigneeId: z.string().min(1).max(64).optional().describe('Tasks assigned to this grid worker'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type FigureVisitsQuery = z.infer<typeof FigureVisitsQuerySchema>;
// The drill-down answers with the visits list's own schema (VisitTaskListSchema), so it shows nothing more.
