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
