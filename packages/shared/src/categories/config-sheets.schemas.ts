import { z } from 'zod';
import { LIMIT_TYPES, type LimitType } from '../cases/case-actions';
import { CategoryCodeSchema, CategoryKindSchema } from './categories.schemas';
import { DispatchRoleSchema } from './dispatch-rules.schemas';
import {
  StepLimitsSchema,
  UrgencySchema,
  type StepLimitStep,
} from './registration-conditions.schemas';

/**
 * One row of each case-configuration workbook (分类字典, 派遣矩阵, 立结案标准) once its cells are read: what an
 * import checks and writes. The sheets' Chinese headers and cell formats live with the import specs (server).
 */

export const CategorySheetRowSchema = z.object({
  kind: CategoryKindSchema,
  code: CategoryCodeSchema,
  /** Needed for a new local class; an existing class keeps its parent. */
  parentCode: CategoryCodeSchema.nullable(),
  name: z.string().trim().min(1).max(64),
  synonyms: z.array(z.string().trim().min(1).max(32)).max(20),
  legacyCodes: z.array(z.string().trim().min(2).max(30)).max(20),
  selfHandleAllowed: z.boolean(),
  verifyRequired: z.boolean(),
  /** Null (an empty cell): an existing class keeps its radius, a new one takes its parent's. */
  duplicateRadiusM: z.number().int().min(0).max(5000).nullable(),
  active: z.boolean(),
});
export type CategorySheetRow = z.infer<typeof CategorySheetRowSchema>;

export const DispatchRuleSheetRowSchema = z.object({
  /** Set on exported rows: the rule to update. Without it the row is matched on its key or added. */
  id: z.string().min(1).max(64).nullable(),
  classCode: CategoryCodeSchema,
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{6,20}$/, '区域编码为 6–20 位数字'),
  departmentCode: z.string().trim().min(2).max(32),
  role: DispatchRoleSchema,
  priority: z.number().int().min(0).max(999),
  conditionId: z.string().min(1).max(64).nullable(),
  active: z.boolean(),
});
export type DispatchRuleSheetRow = z.infer<typeof DispatchRuleSheetRowSchema>;

export const ConditionSheetRowSchema = z.object({
  /** The condition (lineage) a row revises; without it the row adds a condition. */
  lineageId: z.string().min(1).max(64).nullable(),
  classCode: CategoryCodeSchema,
  text: z.string().trim().min(2).max(500),
  closureCondition: z.string().trim().min(2).max(500),
  urgency: UrgencySchema,
  limitValue: z.number().positive('时限须大于 0').max(100000),
  limitType: z.enum(LIMIT_TYPES),
  stepLimits: StepLimitsSchema,
  yellowCardAt: z.number().positive().max(100).nullable(),
  redCardAt: z.number().positive().max(100).nullable(),
  areaCode: z.string().trim().min(6).max(20).nullable(),
});
export type ConditionSheetRow = z.infer<typeof ConditionSheetRowSchema>;

/** How a time limit's unit is written in a sheet cell (“3 工作日”). */
export const SHEET_LIMIT_TYPE_LABELS: Record<LimitType, { zh: string; en: string }> = {
  urgent_hour: { zh: '紧急小时', en: 'urgent hours' },
  work_hour: { zh: '工作时', en: 'working hours' },
  work_day: { zh: '工作日', en: 'working days' },
  natural_day: { zh: '自然日', en: 'calendar days' },
};

/** The steps with their own limit, as the sheet's columns name them. */
export const SHEET_STEP_LABELS: Record<StepLimitStep, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'Accept' },
  verify: { zh: '核实', en: 'Verify' },
  register: { zh: '立案', en: 'Register' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  feedback_review: { zh: '反馈审核', en: 'Feedback review' },
  check_dispatch: { zh: '核查派遣', en: 'Check dispatch' },
  check: { zh: '核查', en: 'Check' },
  close: { zh: '结案', en: 'Close' },
};
