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
    classCode: z.string().describe('A case class code, or a 大类 code as a wildcard for its classes'),
    className: z.string().nullable(),
    areaCode: z.string().describe('Applies inside this area subtree (district, street, community or grid)'),
    areaName: z.string().nullable(),
    conditionId: z.string().nullable().describe('Lineage id of a 立案条件, when the condition changes the owner'),
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
  classCode: CategoryCodeSchema.optional().describe('Rules for this class: its wildcards and its subclasses'),
  areaCode: AreaCodeSchema.optional().describe('Rules that apply in this area or lie inside it'),
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
});

/** What the matrix proposes for a case (case-workflow.md §4). The dispatcher may override it. */
export const DispatchSuggestionSchema = z
  .object({
    primary: DepartmentSchema.nullable(),
    backups: z.array(DepartmentSchema).describe('Other candidates of the matched rule set, in order'),
    matchedRuleId: z.string().nullable().describe('The rule that named `primary`'),
    matchedRole: DispatchRoleSchema.nullable().describe("'backup' when no active primary was left"),
    fallback: z.enum(['street']).nullable().describe('属地兜底: no rule matched, the street containing the grid owns it'),
    streetCode: z.string().nullable().describe('The street containing the grid'),
  })
  .meta({ id: 'DispatchSuggestion' });
export type DispatchSuggestion = z.infer<typeof DispatchSuggestionSchema>;
