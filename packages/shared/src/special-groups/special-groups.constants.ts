/** 关注程度 of a special-group member (docs/domain.md §5.2); it sets how often the member is visited. */
export const ATTENTION_LEVELS = ['normal', 'medium', 'high'] as const;
export type AttentionLevel = (typeof ATTENTION_LEVELS)[number];
export const ATTENTION_LEVEL_LABELS: Record<AttentionLevel, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'Normal' },
  medium: { zh: '中等', en: 'Medium' },
  high: { zh: '严重', en: 'High' },
};

/** GB/T 31000 特殊人群, 重点青少年, or a group a deployment adds (信访人员 …). */
export const GROUP_KINDS = ['special_group', 'key_youth', 'local'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** Health and justice groups are S3 by law (PIPL sensitive data); every membership is encrypted regardless. */
export const GROUP_SENSITIVITIES = ['health', 'justice', 'general'] as const;
export type GroupSensitivity = (typeof GROUP_SENSITIVITIES)[number];

/** Field types a group definition may declare; values are checked against them on every write. */
export const GROUP_FIELD_TYPES = ['text', 'date', 'number', 'boolean', 'select'] as const;
export type GroupFieldType = (typeof GROUP_FIELD_TYPES)[number];

/** 走访 method: 入户 / 电话 / 约谈 / 其他. */
export const VISIT_METHODS = ['home', 'phone', 'interview', 'other'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, { zh: string; en: string }> = {
  home: { zh: '入户', en: 'Home visit' },
  phone: { zh: '电话', en: 'Phone' },
  interview: { zh: '约谈', en: 'Interview' },
  other: { zh: '其他', en: 'Other' },
};

/** What a visit found about the member's risk. */
export const RISK_CHANGES = ['none', 'raised', 'lowered'] as const;
export type RiskChange = (typeof RISK_CHANGES)[number];

export const VISIT_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type VisitTaskStatus = (typeof VISIT_TASK_STATUSES)[number];

/** Why a membership ends; 'other' needs a note. */
export const MEMBERSHIP_END_REASONS = [
  'released_from_supervision',
  'moved_away',
  'deceased',
  'recovered',
  'aged_out',
  'other',
] as const;
export type MembershipEndReason = (typeof MEMBERSHIP_END_REASONS)[number];
export const MEMBERSHIP_END_REASON_LABELS: Record<MembershipEndReason, { zh: string; en: string }> =
  {
    released_from_supervision: { zh: '解除管控/帮教期满', en: 'Supervision ended' },
    moved_away: { zh: '迁出', en: 'Moved away' },
    deceased: { zh: '死亡', en: 'Deceased' },
    recovered: { zh: '康复/戒断', en: 'Recovered' },
    aged_out: { zh: '超出年龄', en: 'Aged out' },
    other: { zh: '其他', en: 'Other' },
  };
