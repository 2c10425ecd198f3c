import { z } from 'zod';

/** How a listed date is treated; `workday`/`weekend` rows only restate or override the Monday–Friday default. */
export const CALENDAR_DAY_KINDS = ['holiday', 'makeup_workday', 'workday', 'weekend'] as const;
export const CalendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKindName = z.infer<typeof CalendarDayKindSchema>;

// The regex alone would accept 2026-02-30; a round trip through Date rejects dates that do not exist.
const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDate, '日期不存在');

export const CalendarYearSchema = z.coerce.number().int().min(2000).max(2100);

/** 'HH:MM' in Shanghai time; '24:00' may end the last window. */
export const WorkTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '时间格式应为 HH:MM');

export const WorkWindowSchema = z
  .object({ start: WorkTimeSchema, end: WorkTimeSchema })
  .meta({ id: 'WorkWindow' });
export type WorkWindowInput = z.infer<typeof WorkWindowSchema>;

/** Working-hours windows of every working day: at least one, each non-empty, none overlapping. */
export const WorkWindowsSchema = z
  .array(WorkWindowSchema)
  .min(1, '至少需要一个工作时段')
  .max(8)
  .superRefine((windows, ctx) => {
    // Zero-padded HH:MM strings compare in time order.
    windows.forEach((w, i) => {
      if (w.start >= w.end)
        ctx.addIssue({
          code: 'custom',
          message: `时段 ${w.start}–${w.end} 开始时间须早于结束时间`,
          path: [i, 'end'],
        });
    });
    const order = windows
      .map((w, i) => ({ ...w, i }))
      .sort((a, b) => a.start.localeCompare(b.start));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const cur = order[k]!;
      if (cur.start < prev.end)
        ctx.addIssue({
          code: 'custom',
          message: `时段 ${cur.start}–${cur.end} 与 ${prev.start}–${prev.end} 重叠`,
          path: [cur.i, 'start'],
        });
    }
  });

export const CalendarDaySchema = z
  .object({ date: z.string(), kind: CalendarDayKindSchema, name: z.string() })
  .meta({ id: 'CalendarDay' });
export type CalendarDayRow = z.infer<typeof CalendarDaySchema>;

export const CalendarQuerySchema = z.object({
  year: CalendarYearSchema.optional().describe('Defaults to the current year (Asia/Shanghai)'),
});

export const CalendarResponseSchema = z
  .object({
    year: z.number().int(),
    days: z.array(CalendarDaySchema),
    windows: z.array(WorkWindowSchema),
    hasNextYear: z.boolean().describe('Whether any date of year + 1 is listed'),
    alert: z.string().nullable().describe("Set in December while next year's holidays are missing"),
  })
  .meta({ id: 'WorkCalendar' });
export type CalendarResponse = z.infer<typeof CalendarResponseSchema>;

export const CalendarDateParamSchema = z.object({ date: CalendarDateSchema });

const DayNameSchema = z.string().trim().max(32);

export const PutCalendarDayRequestSchema = z.object({
  kind: CalendarDayKindSchema,
  name: DayNameSchema.default(''),
});
export type PutCalendarDayRequest = z.infer<typeof PutCalendarDayRequestSchema>;

export const PutCalendarWindowsRequestSchema = z.object({ windows: WorkWindowsSchema });
export type PutCalendarWindowsRequest = z.infer<typeof PutCalendarWindowsRequestSchema>;

export const CalendarWindowsResponseSchema = z.object({ windows: z.array(WorkWindowSchema) });

export const ImportCalendarRequestSchema = z.object({
  year: CalendarYearSchema,
  rows: z
    .array(
      z.object({
        date: CalendarDateSchema,
        kind: CalendarDayKindSchema,
        name: DayNameSchema.default(''),
      }),
    )
    .min(1, '至少需要一行')
    .max(366),
});
export type ImportCalendarRequest = z.infer<typeof ImportCalendarRequestSchema>;

export const ImportCalendarResponseSchema = z.object({
  year: z.number().int(),
  replaced: z.number().int().describe('Rows of that year before the import'),
  imported: z.number().int(),
});
export type ImportCalendarResponse = z.infer<typeof ImportCalendarResponseSchema>;
