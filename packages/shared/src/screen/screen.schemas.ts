import { z } from 'zod';
import { CASE_STATES } from '../cases/case-states';

/** 指挥中心大屏: one area (the caller's whole scope when none is named). */
export const ScreenSummaryQuerySchema = z.object({
  areaCode: z
    .string()
    .regex(/^[0-9A-Za-z]{2,20}$/, '区域编码应为 2–20 位字母或数字')
    .optional()
    .describe(
      'An area inside the caller’s scope (district, street, community or grid); default: the whole scope',
    ),
});
export type ScreenSummaryQuery = z.infer<typeof ScreenSummaryQuerySchema>;

/** How many of the latest reports and overdue cases the screen shows: bounded, so the page never grows. */
export const SCREEN_LATEST_REPORTS = 30;
export const SCREEN_OVERDUE_ROWS = 15;
export const SCREEN_RANKED_DEPARTMENTS = 10;

const count = z.number().int().min(0);
const name = z.string().nullable();

/** The 大屏's figures (docs/screen.md says what each one counts). No reporter, staff or address text in it. */
export const ScreenSummarySchema = z
  .object({
    at: z.string().describe('When the figures were read (ISO instant)'),
    day: z.string().describe('Today in Asia/Shanghai, YYYY-MM-DD: the day the today counts cover'),
    area: z.object({
      code: z.string().nullable().describe('Null: the caller’s whole scope'),
      name: z.string(),
    }),
    today: z.object({
      reported: count,
      registered: count,
      dispatched: count,
      closed: count,
    }),
    open: z.object({ total: count, green: count, yellow: count, red: count, none: count }),
    latest: z.array(
      z.object({
        caseNo: z.string(),
        category: name,
        state: z.enum(CASE_STATES),
        lng: z.number(),
        lat: z.number(),
        street: name,
        community: name,
        reportedAt: z.string(),
      }),
    ),
    departments: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        closedToday: count,
        overdueOpen: count,
      }),
    ),
    overdue: z.object({
      total: count,
      items: z.array(
        z.object({
          caseNo: z.string(),
          category: name,
          street: name,
          community: name,
          step: z.string().nullable(),
          dueAt: z.string(),
          overdueMs: z
            .number()
            .int()
            .min(0)
            .describe('Natural time since the running step’s deadline'),
        }),
      ),
    }),
  })
  .meta({ id: 'ScreenSummary' });
export type ScreenSummary = z.infer<typeof ScreenSummarySchema>;
