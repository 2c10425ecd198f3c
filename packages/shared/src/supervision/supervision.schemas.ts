import { z } from 'zod';
import { SUPERVISION_LEADER_LEVELS, SUPERVISION_LEVELS } from '../cases/case-actions';
import { CASE_STATES } from '../cases/case-states';

/** 工作监督 (docs/supervision.md): the board, 我的督办 and the escalation setting. */

export const SUPERVISION_GROUP_BY = ['department', 'grid'] as const;
export type SupervisionGroupBy = (typeof SUPERVISION_GROUP_BY)[number];

export const SupervisionBoardQuerySchema = z.object({
  areaCode: z
    .string()
    .regex(/^[0-9A-Za-z]{2,20}$/, '区域编码应为 2–20 位字母或数字')
    .optional()
    .describe('An area inside the caller’s scope; its subtree only'),
  groupBy: z.enum(SUPERVISION_GROUP_BY).default('department'),
});
export type SupervisionBoardQuery = z.infer<typeof SupervisionBoardQuerySchema>;

const Light = z.enum(['green', 'yellow', 'red']);
const Instruction = z.object({ text: z.string(), by: z.string().nullable(), at: z.string() });

/** One case on the board: its light, its current 督办 with the reply, and the leaders' 批示. */
export const SupervisionCaseSchema = z
  .object({
    caseId: z.string(),
    caseNo: z.string(),
    state: z.enum(CASE_STATES),
    address: z.string(),
    description: z.string(),
    gridCode: z.string(),
    handlingDeptId: z.string().nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean().describe('A running step is past its deadline'),
    light: Light.nullable().describe('Worst running step light; null while nothing runs (挂账)'),
    supervision: z
      .object({
        level: z.enum(SUPERVISION_LEVELS),
        raisedBy: z.string().nullable().describe('Who raised it (系统 for the automatic cards)'),
        raisedAt: z.string(),
        note: z.string().nullable(),
        replied: z.boolean(),
        reply: Instruction.nullable().describe('The 督办回复, once given'),
        leaderLevel: z.enum(SUPERVISION_LEADER_LEVELS).nullable(),
        escalatedAt: z.string().nullable(),
      })
      .nullable(),
    instructions: z.array(Instruction).describe('领导批示, oldest first'),
  })
  .meta({ id: 'SupervisionCase' });
export type SupervisionCase = z.infer<typeof SupervisionCaseSchema>;

const count = z.number().int().min(0);

export const SupervisionBoardSchema = z
  .object({
    at: z.string(),
    groupBy: z.enum(SUPERVISION_GROUP_BY),
    total: count,
    /** More cases matched than one board holds (the most urgent are listed). */
    truncated: z.boolean(),
    groups: z.array(
      z.object({
        key: z.string().nullable().describe('Department id or grid code; null = not dispatched'),
        name: z.string(),
        count,
        red: count,
        yellow: count,
        normal: count,
        overdue: count,
        unanswered: count,
        cases: z.array(SupervisionCaseSchema),
      }),
    ),
  })
  .meta({ id: 'SupervisionBoard' });
export type SupervisionBoard = z.infer<typeof SupervisionBoardSchema>;

export const SupervisionMineSchema = z
  .object({
    at: z.string(),
    items: z.array(
      SupervisionCaseSchema.extend({
        why: z
          .enum(['raised', 'escalated'])
          .describe('You raised it, or it escalated to your level'),
      }),
    ),
  })
  .meta({ id: 'SupervisionMine' });
export type SupervisionMine = z.infer<typeof SupervisionMineSchema>;

/** How long a 督办 may stay unanswered before it escalates one leader level. */
export const SupervisionSettingsSchema = z
  .object({
    escalateAfter: z
      .object({
        value: z.number().int().min(1, '至少 1').max(200, '至多 200'),
        limitType: z.enum(['work_hour', 'work_day']),
      })
      .describe('Working time since the 督办 (or its last escalation)'),
  })
  .meta({ id: 'SupervisionSettings' });
export type SupervisionSettings = z.infer<typeof SupervisionSettingsSchema>;

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  escalateAfter: { value: 8, limitType: 'work_hour' },
};

export const SUPERVISION_LEADER_LEVEL_LABELS: Record<
  (typeof SUPERVISION_LEADER_LEVELS)[number],
  { zh: string; en: string }
> = {
  community: { zh: '社区领导', en: 'Community leaders' },
  street: { zh: '街道领导', en: 'Street leaders' },
  district: { zh: '区领导', en: 'District leaders' },
};
