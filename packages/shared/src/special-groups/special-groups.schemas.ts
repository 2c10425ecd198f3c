import { z } from 'zod';
import { PhoneSchema } from '../common/phone.schemas';
import { CalendarDateSchema } from '../calendar/calendar.schemas';
import {
  ATTENTION_LEVELS,
  GROUP_FIELD_TYPES,
  GROUP_KINDS,
  GROUP_SENSITIVITIES,
  MEMBERSHIP_END_REASONS,
} from './special-groups.constants';

export const AttentionLevelSchema = z
  .enum(ATTENTION_LEVELS)
  .describe('关注程度: normal 一般, medium 中等, high 严重');

export const GroupFieldSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, '字段键为字母开头的 1–40 位字母、数字或下划线'),
    label: z.string().trim().min(1).max(40),
    type: z.enum(GROUP_FIELD_TYPES),
    options: z
      .array(z.string().trim().min(1).max(40))
      .min(1)
      .max(50)
      .optional()
      .describe('Required for select fields'),
    required: z.boolean().optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, {
    message: '选择型字段须列出选项',
    path: ['options'],
  })
  .meta({ id: 'GroupField' });
export type GroupField = z.infer<typeof GroupFieldSchema>;

const FieldListSchema = z
  .array(GroupFieldSchema)
  .max(40)
  .refine((list) => new Set(list.map((f) => f.key)).size === list.length, '字段键不能重复');

/** Visit interval in days per 关注程度 (local configuration: no national values). */
export const VisitIntervalsSchema = z
  .object({
    normal: z.number().int().min(1).max(366),
    medium: z.number().int().min(1).max(366),
    high: z.number().int().min(1).max(366),
  })
  .meta({ id: 'VisitIntervals' });
export type VisitIntervals = z.infer<typeof VisitIntervalsSchema>;

export const SpecialGroupSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(GROUP_KINDS),
    sensitivity: z.enum(GROUP_SENSITIVITIES),
    fields: z.array(GroupFieldSchema),
    intervals: VisitIntervalsSchema,
    active: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SpecialGroup' });
export type SpecialGroup = z.infer<typeof SpecialGroupSchema>;
export const SpecialGroupListSchema = z.object({ items: z.array(SpecialGroupSchema) });

export const CreateSpecialGroupRequestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{2,40}$/, '人群编码为小写字母开头的 3–41 位字母、数字或下划线'),
    name: z.string().trim().min(2).max(40),
    kind: z.enum(GROUP_KINDS).default('local'),
    sensitivity: z.enum(GROUP_SENSITIVITIES).default('general'),
    fields: FieldListSchema.default([]),
    intervals: VisitIntervalsSchema.default({ normal: 90, medium: 30, high: 7 }),
    active: z.boolean().default(true),
  })
  .meta({ id: 'CreateSpecialGroupRequest' });
export type CreateSpecialGroupRequest = z.infer<typeof CreateSpecialGroupRequestSchema>;

export const UpdateSpecialGroupRequestSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version read; another change since then answers 409'),
    name: z.string().trim().min(2).max(40).optional(),
    sensitivity: z.enum(GROUP_SENSITIVITIES).optional(),
    fields: FieldListSchema.optional().describe(
      'Replaces the whole list; values of removed fields stay stored but are no longer shown',
    ),
    intervals: VisitIntervalsSchema.partial().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateSpecialGroupRequest' });
export type UpdateSpecialGroupRequest = z.infer<typeof UpdateSpecialGroupRequestSchema>;

export const GroupCodeParamSchema = z.object({ code: z.string().min(1).max(64) });

const FieldValuesSchema = z
  .record(z.string().max(40), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((o) => Object.keys(o).length <= 40, '字段最多 40 项')
  .describe('Values of the group’s own fields, checked against its definition');

const text = (max: number) => z.string().trim().max(max);

export const CreateMembershipRequestSchema = z
  .object({
    personId: z.string().min(1).max(64),
    groupCode: z.string().min(1).max(64),
    attentionLevel: AttentionLevelSchema.default('normal'),
    fields: FieldValuesSchema.default({}),
    guardianName: text(40).nullable().optional().describe('帮教人/监护人'),
    guardianPhone: PhoneSchema.nullable().optional(),
    helpSituation: text(2000).nullable().optional().describe('帮扶情况'),
    difficulties: text(2000).nullable().optional().describe('困难及诉求'),
    dataSource: text(40).nullable().optional(),
    startedAt: CalendarDateSchema.describe('列管日期; the first visit is due one interval later'),
  })
  .meta({ id: 'CreateMembershipRequest' });
export type CreateMembershipRequest = z.infer<typeof CreateMembershipRequestSchema>;

export const UpdateMembershipRequestSchema = z
  .object({
    version: z.number().int().min(1),
    attentionLevel: AttentionLevelSchema.optional().describe(
      'A change reschedules the open visit task',
    ),
    fields: FieldValuesSchema.optional().describe('Replaces the whole set'),
    guardianName: text(40).nullable().optional(),
    guardianPhone: PhoneSchema.nullable().optional(),
    helpSituation: text(2000).nullable().optional(),
    difficulties: text(2000).nullable().optional(),
    dataSource: text(40).nullable().optional(),
  })
  .meta({ id: 'UpdateMembershipRequest' });
export type UpdateMembershipRequest = z.infer<typeof UpdateMembershipRequestSchema>;

export const EndMembershipRequestSchema = z
  .object({
    version: z.number().int().min(1),
    endedAt: CalendarDateSchema,
    reason: z.enum(MEMBERSHIP_END_REASONS),
    note: text(500).optional(),
  })
  .refine((b) => b.reason !== 'other' || (b.note?.length ?? 0) >= 2, {
    message: '请说明原因',
    path: ['note'],
  })
  .meta({ id: 'EndMembershipRequest' });
export type EndMembershipRequest = z.infer<typeof EndMembershipRequestSchema>;

export const MembershipListQuerySchema = z.object({
  groupCode: z.string().max(64).optional(),
  attentionLevel: AttentionLevelSchema.optional(),
  areaCode: z
    .string()
    .max(20)
    .optional()
    .describe('District, street, community or grid code within the caller’s scope'),
  personId: z.string().max(64).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type MembershipListQuery = z.infer<typeof MembershipListQuerySchema>;

/** A membership as holders of special.read see it. Nobody else is ever sent one. */
export const MembershipSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string().nullable().describe('Masked (张*明)'),
    groupCode: z.string(),
    groupName: z.string().nullable(),
    groupKind: z.enum(GROUP_KINDS).nullable(),
    sensitivity: z.enum(GROUP_SENSITIVITIES).nullable(),
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    attentionLevel: AttentionLevelSchema,
    guardianName: z.string().nullable(),
    guardianPhone: z
      .string()
      .nullable()
      .describe('Masked (138****5678); POST …/unmask shows it in full'),
    helpSituation: z.string().nullable(),
    difficulties: z.string().nullable(),
    dataSource: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    endReason: z.enum(MEMBERSHIP_END_REASONS).nullable(),
    endNote: z.string().nullable(),
    active: z.boolean(),
    streetCode: z.string(),
    communityCode: z.string(),
    gridCode: z.string().nullable(),
    gridName: z.string().nullable(),
    nextVisitDue: z.string().nullable(),
    lastVisitOn: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof MembershipSchema>;
export const MembershipListSchema = z.object({
  items: z.array(MembershipSchema),
  total: z.number().int(),
});

export const UnmaskedGuardianSchema = z.object({ guardianPhone: z.string().nullable() });
