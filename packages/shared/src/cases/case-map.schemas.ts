import { z } from 'zod';
import { CaseOverviewQuerySchema } from './case-overview.schemas';

/** At most this many points on the dashboard's map; beyond it the newest are sent and `truncated` is set. */
export const CASE_MAP_POINT_LIMIT = 5000;

export const CaseMapQuerySchema = CaseOverviewQuerySchema;
export type CaseMapQuery = z.infer<typeof CaseMapQuerySchema>;

const count = z.number().int().min(0);

/**
 * 领导驾驶舱's map: open cases' positions and per-grid open counts in the caller's scope. Codes and numbers only:
 * no reporter, address, description or assignee, so a point says where something is open, never who reported it.
 */
export const CaseMapPointsSchema = z
  .object({
    at: z.string().describe('When the lights were measured'),
    total: count.describe('Open cases in the area (all of them, even when the points are cut)'),
    truncated: z.boolean().describe('true: only the newest points are sent'),
    points: z.array(
      z.object({
        id: z.string(),
        caseNo: z.string(),
        lng: z.number(),
        lat: z.number(),
        classCode: z.string().nullable(),
        gridCode: z.string(),
        step: z.string().nullable(),
        dueAt: z.string().nullable().describe('The running step’s deadline; null while none runs'),
        light: z.enum(['green', 'yellow', 'red']).nullable().describe('null: no clock runs (挂账)'),
      }),
    ),
    grids: z.array(z.object({ gridCode: z.string(), open: count })),
  })
  .meta({ id: 'CaseMapPoints' });
export type CaseMapPoints = z.infer<typeof CaseMapPointsSchema>;
