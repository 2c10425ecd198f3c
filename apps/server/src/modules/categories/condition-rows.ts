import {
  DEFAULT_STEP_LIMITS,
  StepLimitsSchema,
  type RegistrationCondition,
  type RegistrationConditionRow,
  type RegistrationConditionSearchQuery,
  type StepLimits,
  type Urgency,
} from '@wangge/shared';
import type { RegistrationConditionsTable } from './categories.tables';
import { normalizeLegacyCode } from './category-codes';
import type { RegistrationConditionsRepo } from './registration-conditions.repo';

function parseStepLimits(text: string): StepLimits {
  // A row always stores all steps; should one be damaged, the defaults keep the engine working.
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    /* fall through to defaults */
  }
  const parsed = StepLimitsSchema.partial().safeParse(raw);
  return { ...DEFAULT_STEP_LIMITS, ...(parsed.success ? parsed.data : {}) };
}

export function toCondition(r: RegistrationConditionsTable): RegistrationCondition {
  return {
    id: r.id,
    lineageId: r.lineage_id,
    supersedesId: r.supersedes_id,
    classCode: r.class_code,
    text: r.text,
    closureCondition: r.closure_condition,
    urgency: r.urgency as Urgency,
    limitValue: r.limit_value,
    limitType: r.limit_type as RegistrationCondition['limitType'],
    stepLimits: parseStepLimits(r.step_limits),
    yellowCardAt: r.yellow_card_at,
    redCardAt: r.red_card_at,
    areaCode: r.area_code,
    isDefault: r.is_default === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    createdAt: r.created_at,
  };
}

/** One page of the 立结案标准 list: current rows with their class's name and how often each was edited. */
export async function searchConditions(
  repo: RegistrationConditionsRepo,
  at: string,
  q: RegistrationConditionSearchQuery,
): Promise<{ items: RegistrationConditionRow[]; total: number }> {
  // LIKE wildcards in the search text would only widen it; drop them rather than escape per dialect.
  const text = q.q?.replace(/[%_\\]/g, '') || undefined;
  const codeText = text === undefined ? undefined : normalizeLegacyCode(text);
  const search = {
    at,
    ...(text !== undefined ? { text } : {}),
    ...(codeText && /^[0-9A-Z]+$/.test(codeText) ? { codeText } : {}),
    ...(q.isDefault !== undefined ? { isDefault: q.isDefault === 'true' } : {}),
    limit: q.limit,
    offset: q.offset,
  };
  const [rows, total] = await Promise.all([repo.search(search), repo.count(search)]);
  const versions = await repo.versionCounts(rows.map((r) => r.lineage_id));
  return {
    items: rows.map(({ class_name, class_active, ...r }) => ({
      ...toCondition(r),
      className: class_name,
      classActive: class_active === 1,
      versionCount: versions.get(r.lineage_id) ?? 1,
    })),
    total,
  };
}

// Audit summaries are read by people (issue 11 #7): fields and limits in words, not codes.
const FIELD_NAMES: Record<string, string> = {
  text: '立案条件',
  closureCondition: '结案条件',
  urgency: '紧急程度',
  limitValue: '处置时限',
  limitType: '时限类型',
  stepLimits: '环节时限',
  yellowCardAt: '黄牌比例',
  redCardAt: '红牌比例',
  areaCode: '适用区域',
};
const LIMIT_NAMES: Record<string, string> = {
  urgent_hour: '紧急小时',
  work_hour: '工作小时',
  work_day: '工作日',
  natural_day: '自然日',
};

export const fieldsText = (fields: readonly string[]): string =>
  fields.map((f) => FIELD_NAMES[f] ?? f).join('、');

/** "3 工作日（一般）" */
export const limitText = (
  r: Pick<RegistrationConditionsTable, 'limit_value' | 'limit_type' | 'urgency'>,
): string =>
  `${r.limit_value} ${LIMIT_NAMES[r.limit_type] ?? r.limit_type}（${r.urgency === 'urgent' ? '紧急' : '一般'}）`;
