import { z } from 'zod';
import { LIMIT_TYPES } from '../cases/case-actions';
import type { CaseStep } from '../cases/case-states';
import { CategoryCodeSchema } from './categories.schemas';

/** 一般 / 加急: the urgent row is chosen when a case is flagged 加急. */
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const UrgencySchema = z.enum(URGENCIES);

const LimitKindSchema = z.enum(LIMIT_TYPES);

/** The steps with their own limit (docs/case-workflow.md §3.3); 处置 takes the row's own limit instead. */
export const STEP_LIMIT_STEPS = [
  'accept',
  'verify',
  'register',
  'dispatch',
  'acknowledge',
  'feedback_review',
  'check_dispatch',
  'check',
  'close',
] as const satisfies readonly CaseStep[];
export type StepLimitStep = (typeof STEP_LIMIT_STEPS)[number];

/** A limit: a positive, finite number in one of the four limit types. */
export const LimitSchema = z.object({
  value: z.number().positive('时限须大于 0').max(100000),
  type: LimitKindSchema,
});
export type Limit = z.infer<typeof LimitSchema>;

/** Defaults of docs/case-workflow.md §3.3 (placeholders there too); copied into each row when it is created. */
export const DEFAULT_STEP_LIMITS: Record<StepLimitStep, Limit> = {
  accept: { value: 1, type: 'work_hour' },
  verify: { value: 2, type: 'work_hour' },
  register: { value: 1, type: 'work_hour' },
  dispatch: { value: 1, type: 'work_hour' },
  acknowledge: { value: 1, type: 'work_hour' },
  feedback_review: { value: 1, type: 'work_hour' },
  check_dispatch: { value: 1, type: 'work_hour' },
  check: { value: 4, type: 'work_hour' },
  close: { value: 1, type: 'work_hour' },
};

const stepShape = Object.fromEntries(STEP_LIMIT_STEPS.map((s) => [s, LimitSchema])) as Record<
  StepLimitStep,
  typeof LimitSchema
>;
export const StepLimitsSchema = z.object(stepShape);
export type StepLimits = z.infer<typeof StepLimitsSchema>;
/** Steps left out keep their current value (on create: the default). */
export const StepLimitsInputSchema = StepLimitsSchema.partial().strict();

const Ratio = z.number().positive().max(100);
const IsoTime = z.iso.datetime({ offset: true });

export const RegistrationConditionSchema = z
  .object({
    id: z.string().describe('This version; a case keeps the id it was registered under'),
    lineageId: z
      .string()
      .describe('Shared by every version of the condition (the first version id)'),
    supersedesId: z.string().nullable(),
    classCode: z.string(),
    text: z.string().describe('立案条件'),
    closureCondition: z.string().describe('结案条件'),
    urgency: UrgencySchema,
    limitValue: z.number().describe('处置 limit (department limit)'),
    limitType: LimitKindSchema,
    stepLimits: StepLimitsSchema,
    yellowCardAt: z.number().nullable().describe('Ratio for the yellow card; null = default 1.0'),
    redCardAt: z.number().nullable().describe('Ratio for the red card; null = default 2.0'),
    areaCode: z.string().nullable().describe('Applies inside this area subtree; null = everywhere'),
    isDefault: z
      .boolean()
      .describe(
        "The class's default (默认): generated from its 大类's generic condition, preselected at 立案; stays so when edited",
      ),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RegistrationCondition' });
export type RegistrationCondition = z.infer<typeof RegistrationConditionSchema>;

export const RegistrationConditionListSchema = z.object({
  items: z.array(RegistrationConditionSchema),
});

/** The 立结案标准 page: current conditions of every class, searched and filtered. */
export const RegistrationConditionSearchQuerySchema = z.object({
  q: z.string().trim().max(50).optional().describe('Class code (prefix) or class name (any part)'),
  isDefault: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only defaults (默认); false: only custom rows'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RegistrationConditionSearchQuery = z.infer<
  typeof RegistrationConditionSearchQuerySchema
>;

export const RegistrationConditionRowSchema = RegistrationConditionSchema.extend({
  className: z.string().describe('Name of the class the row belongs to'),
  classActive: z.boolean().describe('The class itself is active'),
  versionCount: z.number().int().describe('Versions of this condition so far (1 = never edited)'),
}).meta({ id: 'RegistrationConditionRow' });
export type RegistrationConditionRow = z.infer<typeof RegistrationConditionRowSchema>;

export const RegistrationConditionPageSchema = z.object({
  items: z.array(RegistrationConditionRowSchema),
  total: z.number().int(),
});

export const RegistrationConditionListQuerySchema = z.object({
  areaCode: z.string().trim().max(20).optional().describe('Only rows that apply in this area'),
  at: IsoTime.optional().describe('Rows valid at this time (default now)'),
  history: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: every version, closed ones included'),
});
export type RegistrationConditionListQuery = z.infer<typeof RegistrationConditionListQuerySchema>;

const editable = {
  text: z.string().trim().min(2).max(500),
  closureCondition: z.string().trim().min(2).max(500),
  urgency: UrgencySchema,
  limitValue: z.number().positive('时限须大于 0').max(100000),
  limitType: LimitKindSchema,
  stepLimits: StepLimitsInputSchema,
  yellowCardAt: Ratio.nullable(),
  redCardAt: Ratio.nullable(),
  areaCode: z.string().trim().min(6).max(20).nullable(),
};

export const CreateRegistrationConditionRequestSchema = z.object({
  classCode: CategoryCodeSchema.describe('A 小类 or deeper (事项/综治)'),
  text: editable.text,
  closureCondition: editable.closureCondition,
  urgency: editable.urgency.default('normal'),
  limitValue: editable.limitValue,
  limitType: editable.limitType,
  stepLimits: editable.stepLimits.optional(),
  yellowCardAt: editable.yellowCardAt.optional(),
  redCardAt: editable.redCardAt.optional(),
  areaCode: editable.areaCode.optional(),
  validFrom: IsoTime.optional().describe('Default now'),
  validTo: IsoTime.optional(),
});
export type CreateRegistrationConditionRequest = z.infer<
  typeof CreateRegistrationConditionRequestSchema
>;

/** Editing never changes a row in place: the current version is closed and a new one inserted. */
export const UpdateRegistrationConditionRequestSchema = z
  .object(editable)
  .partial()
  .refine((v) => Object.keys(v).length > 0, '至少修改一项');
export type UpdateRegistrationConditionRequest = z.infer<
  typeof UpdateRegistrationConditionRequestSchema
>;
