import { z } from 'zod';
import { DepartmentSchema } from '../departments/departments.schemas';
import { CategoryCodeSchema } from './categories.schemas';

/** 主办 / 协办: the backup takes over when the primary is inactive, or when the dispatcher chooses it. */
export const DISPATCH_ROLES = ['primary', 'backup'] as const;
export type DispatchRole = (typeof DISPATCH_ROLES)[number];
export const DispatchRoleSchema = z.enum(DISPATCH_ROLES);

const AreaCodeSchema = z.string().trim().min(6).max(20);

export const DispatchRuleSchema = z
  .object({
    id: z.string(),
    classCode: z
      .string()
      .describe('A case class code, or a 大类 code as a wildcard for its classes'),
    className: z.string().nullable(),
    areaCode: z
      .string()
      .describe('Applies inside this area subtree (district, street, community or grid)'),
    areaName: z.string().nullable(),
    conditionId: z
      .string()
      .nullable()
      .describe('Lineage id of a 立案条件, when the condition changes the owner'),
    departmentId: z.string(),
    departmentCode: z.string().nullable(),
    departmentName: z.string().nullable(),
    role: DispatchRoleSchema,
    priority: z.number().int().describe('Lower numbers are tried first'),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DispatchRule' });
export type DispatchRule = z.infer<typeof DispatchRuleSchema>;

export const DispatchRuleListSchema = z.object({ items: z.array(DispatchRuleSchema) });

export const DispatchRuleListQuerySchema = z.object({
  classCode: CategoryCodeSchema.optional().describe(
    'Rules for this class: its wildcards and its subclasses',
  ),
  areaCode: AreaCodeSchema.optional().describe('Rules that apply in this area or lie inside it'),
  departmentId: z.string().min(1).max(64).optional().describe('Rules naming this department'),
  activeOnly: z.enum(['true', 'false']).default('false'),
});
export type DispatchRuleListQuery = z.infer<typeof DispatchRuleListQuerySchema>;

export const CreateDispatchRuleRequestSchema = z.object({
  classCode: CategoryCodeSchema,
  areaCode: AreaCodeSchema,
  conditionId: z.string().min(1).max(64).nullable().optional(),
  departmentId: z.string().min(1).max(64),
  role: DispatchRoleSchema.default('primary'),
  priority: z.number().int().min(0).max(999).default(0),
});
export type CreateDispatchRuleRequest = z.infer<typeof CreateDispatchRuleRequestSchema>;

export const UpdateDispatchRuleRequestSchema = z
  .object({
    classCode: CategoryCodeSchema,
    areaCode: AreaCodeSchema,
    conditionId: z.string().min(1).max(64).nullable(),
    departmentId: z.string().min(1).max(64),
    role: DispatchRoleSchema,
    priority: z.number().int().min(0).max(999),
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '至少修改一项');
export type UpdateDispatchRuleRequest = z.infer<typeof UpdateDispatchRuleRequestSchema>;

export const DispatchSuggestQuerySchema = z.object({
  classCode: CategoryCodeSchema,
  gridCode: AreaCodeSchema.describe('The case grid (any area code is accepted)'),
  conditionId: z.string().min(1).max(64).optional(),
  componentId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The 部件 the case is bound to: its 养护单位, 权属单位 or 主管部门 comes first'),
});

/** Which unit of a bound 部件 named the department (docs/case-workflow.md §4 step 1). */
export const COMPONENT_DISPATCH_ROLES = ['maintainer', 'owner', 'dept'] as const;
export type ComponentDispatchRole = (typeof COMPONENT_DISPATCH_ROLES)[number];

/** What the matrix proposes for a case (docs/case-workflow.md §4). The dispatcher may override it. */
export const DispatchSuggestionSchema = z
  .object({
    primary: DepartmentSchema.nullable(),
    backups: z
      .array(DepartmentSchema)
      .describe('Other candidates of the matched rule set, in order'),
    matchedRuleId: z.string().nullable().describe('The rule that named `primary`'),
    matchedRole: DispatchRoleSchema.nullable().describe("'backup' when no active primary was left"),
    fallback: z
      .enum(['street'])
      .nullable()
      .describe('属地兜底: no rule matched, the street containing the grid owns it'),
    streetCode: z.string().nullable().describe('The street containing the grid'),
    componentRole: z
      .enum(COMPONENT_DISPATCH_ROLES)
      .nullable()
      .describe(
        "Set when the case's 部件 named `primary`: its 养护单位 (maintainer), 权属单位 (owner) or 主管部门 (dept)",
      ),
  })
  .meta({ id: 'DispatchSuggestion' });
export type DispatchSuggestion = z.infer<typeof DispatchSuggestionSchema>;

/**
 * 未配置主责部门 report (docs/case-workflow.md §4, last line): 小类 × 街道 pairs without an active primary rule.
 * `none`: nothing covers the pair; `partial`: only rules for part of it (a community or grid inside the street, a
 * 子类/细类 of the class, or a rule limited to one 立案条件), so some of its cases still fall back to 属地兜底.
 */
export const DISPATCH_COVERAGE_STATES = ['none', 'partial'] as const;
export type DispatchCoverageState = (typeof DISPATCH_COVERAGE_STATES)[number];

export const DispatchGapQuerySchema = z.object({
  kind: z
    .enum(['matter', 'governance'])
    .optional()
    .describe('Case kind of the classes (default: both)'),
  areaCode: AreaCodeSchema.optional().describe(
    "Only streets in this area (inside the caller's scope)",
  ),
  partial: z.enum(['true', 'false']).default('true').describe('Include partly covered pairs'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type DispatchGapQuery = z.infer<typeof DispatchGapQuerySchema>;

export const DispatchGapSchema = z
  .object({
    classCode: z.string(),
    className: z.string(),
    kind: z.enum(['matter', 'governance']),
    streetCode: z.string(),
    streetName: z.string(),
    coverage: z.enum(DISPATCH_COVERAGE_STATES),
    partialAreaCodes: z
      .array(z.string())
      .describe('Communities or grids inside the street that have a primary rule for the class'),
    partialClassCodes: z
      .array(z.string())
      .describe('子类/细类 of the class that have a primary rule in the street'),
    conditionOnly: z.boolean().describe('A primary rule covers the pair only for some 立案条件'),
  })
  .meta({ id: 'DispatchGap' });
export type DispatchGap = z.infer<typeof DispatchGapSchema>;

export const DispatchGapReportSchema = z
  .object({
    items: z.array(DispatchGapSchema).describe('Ordered by street, then class; at most `limit`'),
    classCount: z.number().int().describe('Active 小类 considered'),
    streetCount: z.number().int().describe('Streets in scope considered'),
    uncovered: z.number().int().describe('Pairs with no primary rule at all'),
    partial: z.number().int().describe('Pairs only partly covered'),
    truncated: z.boolean().describe('More pairs matched than `limit`'),
  })
  .meta({ id: 'DispatchGapReport' });
export type DispatchGapReport = z.infer<typeof DispatchGapReportSchema>;
