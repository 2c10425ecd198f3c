import { z } from 'zod';
import { CASE_STATES } from './case-states';

export const CaseOverviewQuerySchema = z.object({
  areaCode: z
    .string()
    .regex(/^[0-9A-Za-z]{2,20}$/, '区域编码应为 2–20 位字母或数字')
    .optional()
    .describe('An area inside the caller’s scope; its subtree only'),
});
export type CaseOverviewQuery = z.infer<typeof CaseOverviewQuerySchema>;

const count = z.number().int().min(0);

/** 区域概况: case counts per state, and for open states per light of the most urgent running step. */
export const CaseOverviewSchema = z
  .object({
    at: z.string().describe('When the lights were measured'),
    states: z.array(
      z.object({
        state: z.enum(CASE_STATES),
        total: count,
        green: count,
        yellow: count,
        red: count,
        /** Open cases without a running clock (挂账: paused). */
        none: count,
      }),
    ),
    open: z.object({ total: count, green: count, yellow: count, red: count, none: count }),
  })
  .meta({ id: 'CaseOverview' });
export type CaseOverview = z.infer<typeof CaseOverviewSchema>;
