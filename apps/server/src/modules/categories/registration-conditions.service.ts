import type { Kysely } from 'kysely';
import {
  DEFAULT_STEP_LIMITS,
  type CreateRegistrationConditionRequest,
  type RegistrationCondition,
  type RegistrationConditionListQuery,
  type RegistrationConditionRow,
  type RegistrationConditionSearchQuery,
  type UpdateRegistrationConditionRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import { DEFAULT_RED_CARD_AT, DEFAULT_YELLOW_CARD_AT } from '../calendar';
import type { CategoriesService } from './categories.service';
import type { RegistrationConditionsTable } from './categories.tables';
import { createRegistrationConditionsRepo } from './registration-conditions.repo';
import { fieldsText, limitText, searchConditions, toCondition } from './condition-rows';
import type { AreaRefs } from '../areas';

export interface RegistrationConditionsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  categories: Pick<CategoriesService, 'caseClass'>;
  areaRefs: AreaRefs;
}

/** The fields a version carries; everything but identity and validity. */
type Content = Pick<
  RegistrationCondition,
  | 'classCode'
  | 'text'
  | 'closureCondition'
  | 'urgency'
  | 'limitValue'
  | 'limitType'
  | 'stepLimits'
  | 'yellowCardAt'
  | 'redCardAt'
  | 'areaCode'
>;

const appliesIn = (areaCode: string | undefined) => (r: { area_code: string | null }) =>
  areaCode === undefined || r.area_code === null || areaCode.startsWith(r.area_code);

/** 立结案标准: versioned rows, so a case keeps the row it was registered under while the standard moves on. */
export function createRegistrationConditionsService(deps: RegistrationConditionsDeps) {
  const repo = createRegistrationConditionsRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();

  async function check(c: Content): Promise<void> {
    const cls = await deps.categories.caseClass(c.classCode);
    if (!cls) throw invalid('classCode', `分类 ${c.classCode} 不存在`);
    if (cls.category.level === 'major')
      throw invalid('classCode', '立结案标准须对应小类或更细的分类');
    if (
      c.areaCode !== null &&
      !(await deps.areaRefs([c.areaCode])).some((a) => a.code === c.areaCode)
    )
      throw invalid('areaCode', `区域 ${c.areaCode} 不存在`);
    if ((c.yellowCardAt ?? DEFAULT_YELLOW_CARD_AT) > (c.redCardAt ?? DEFAULT_RED_CARD_AT))
      throw invalid('redCardAt', '红牌比例不能小于黄牌比例');
  }

  function row(
    c: Content,
    v: {
      id: string;
      lineageId: string;
      supersedesId: string | null;
      isDefault: boolean;
      validFrom: string;
      validTo: string | null;
    },
  ): RegistrationConditionsTable {
    return {
      id: v.id,
      lineage_id: v.lineageId,
      supersedes_id: v.supersedesId,
      class_code: c.classCode,
      text: c.text,
      closure_condition: c.closureCondition,
      urgency: c.urgency,
      limit_value: c.limitValue,
      limit_type: c.limitType,
      step_limits: JSON.stringify(c.stepLimits),
      yellow_card_at: c.yellowCardAt,
      red_card_at: c.redCardAt,
      area_code: c.areaCode,
      is_default: v.isDefault ? 1 : 0,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      created_at: nowIso(),
    };
  }

  /** 立结案标准 set every case's limits: each change is audited in its own transaction. */
  function record(
    tx: Kysely<DB>,
    actor: Actor,
    ip: string | null,
    r: RegistrationConditionsTable,
    detail: Record<string, unknown>,
  ) {
    return deps.audit.record(
      {
        action: 'condition_changed',
        actor,
        targetType: 'registration_condition',
        targetId: r.id,
        ip,
        detail: { lineageId: r.lineage_id, classCode: r.class_code, ...detail },
      },
      tx,
    );
  }

  return {
    /** The 立结案标准 page: current rows of every class, with the class's name and how often each was edited. */
    async search(
      q: RegistrationConditionSearchQuery,
    ): Promise<{ items: RegistrationConditionRow[]; total: number }> {
      return searchConditions(repo, nowIso(), q);
    },

    /** The class's own rows: current (or at `at`), or every version with `history`. */
    async listFor(
      code: string,
      q: RegistrationConditionListQuery,
    ): Promise<RegistrationCondition[]> {
      if (!(await deps.categories.caseClass(code))) throw notFound('分类');
      const at = q.history === 'true' ? null : q.at ? new Date(q.at).toISOString() : nowIso();
      return (await repo.listByClasses([code], at)).filter(appliesIn(q.areaCode)).map(toCondition);
    },

    /**
     * The rows that apply to a case of this class in this area at this time. A 子类/细类 without rows of its own
     * inherits those of its nearest ancestor down from the 小类.
     */
    async applicable(
      classCode: string,
      q: { areaCode?: string; at?: Date },
    ): Promise<RegistrationCondition[]> {
      const cls = await deps.categories.caseClass(classCode);
      if (!cls) return [];
      const codes = cls.path.filter((c) => c.level !== 'major').map((c) => c.code);
      if (codes.length === 0) return [];
      const rows = (
        await repo.listByClasses(codes, (q.at ?? deps.clock.now()).toISOString())
      ).filter(appliesIn(q.areaCode));
      for (const code of codes.reverse()) {
        const own = rows.filter((r) => r.class_code === code);
        if (own.length > 0) return own.map(toCondition);
      }
      return [];
    },

    /** One version, current or not (a case refers to the version it was registered under). */
    async getById(id: string): Promise<RegistrationCondition | null> {
      const r = await repo.findById(id);
      return r ? toCondition(r) : null;
    },

    async get(id: string): Promise<RegistrationCondition> {
      const r = await repo.findById(id);
      if (!r) throw notFound('立结案标准');
      return toCondition(r);
    },

    async create(
      actor: Actor,
      input: CreateRegistrationConditionRequest,
      ip: string | null = null,
    ): Promise<RegistrationCondition> {
      const content: Content = {
        classCode: input.classCode,
        text: input.text,
        closureCondition: input.closureCondition,
        urgency: input.urgency,
        limitValue: input.limitValue,
        limitType: input.limitType,
        stepLimits: { ...DEFAULT_STEP_LIMITS, ...input.stepLimits },
        yellowCardAt: input.yellowCardAt ?? null,
        redCardAt: input.redCardAt ?? null,
        areaCode: input.areaCode ?? null,
      };
      await check(content);
      const validFrom = input.validFrom ? new Date(input.validFrom).toISOString() : nowIso();
      const validTo = input.validTo ? new Date(input.validTo).toISOString() : null;
      if (validTo !== null && validTo <= validFrom)
        throw invalid('validTo', '失效时间须晚于生效时间');
      // A row entered by hand is the class's own (自定义); defaults come only from the 大类 (default-conditions.ts).
      const v = { id: newId(), supersedesId: null, isDefault: false, validFrom, validTo };
      const r = row(content, { ...v, lineageId: v.id });
      await deps.db.transaction().execute(async (tx) => {
        await repo.insert(tx, r);
        await record(tx, actor, ip, r, {
          change: 'created',
          summary: `新增 ${r.class_code} 立结案标准「${r.text.slice(0, 40)}」，时限 ${limitText(r)}`,
        });
      });
      return toCondition(r);
    },

    /** Closes the current version and inserts its successor; answers the new version. */
    async update(
      actor: Actor,
      id: string,
      input: UpdateRegistrationConditionRequest,
      ip: string | null = null,
    ): Promise<RegistrationCondition> {
      const old = await repo.findById(id);
      if (!old) throw notFound('立结案标准');
      const now = nowIso();
      if (old.valid_to !== null && old.valid_to <= now)
        throw new AppError('conflict', '该版本已停用或已被新版本取代，请修改当前版本');
      const prev = toCondition(old);
      const content: Content = {
        classCode: prev.classCode,
        text: input.text ?? prev.text,
        closureCondition: input.closureCondition ?? prev.closureCondition,
        urgency: input.urgency ?? prev.urgency,
        limitValue: input.limitValue ?? prev.limitValue,
        limitType: input.limitType ?? prev.limitType,
        stepLimits: { ...prev.stepLimits, ...input.stepLimits },
        yellowCardAt: input.yellowCardAt !== undefined ? input.yellowCardAt : prev.yellowCardAt,
        redCardAt: input.redCardAt !== undefined ? input.redCardAt : prev.redCardAt,
        areaCode: input.areaCode !== undefined ? input.areaCode : prev.areaCode,
      };
      await check(content);
      // A version scheduled for later is replaced from its own start; a planned end carries over.
      const validFrom = old.valid_from > now ? old.valid_from : now;
      const next = row(content, {
        id: newId(),
        lineageId: old.lineage_id,
        supersedesId: old.id,
        // An edited default is still the class's default: it stays preselected at 立案.
        isDefault: old.is_default === 1,
        validFrom,
        validTo: old.valid_to,
      });
      await deps.db.transaction().execute(async (tx) => {
        if (!(await repo.close(tx, old.id, old.valid_to, validFrom)))
          throw new AppError('conflict', '该标准已被他人修改，请刷新后重试');
        await repo.insert(tx, next);
        const summary = `修改 ${next.class_code} 立结案标准「${next.text.slice(0, 40)}」：${fieldsText(Object.keys(input))}；时限 ${limitText(old)} → ${limitText(next)}`;
        await record(tx, actor, ip, next, {
          change: 'updated',
          summary,
          supersedesId: old.id,
          fields: Object.keys(input),
        });
      });
      return toCondition(next);
    },

    /** Ends the current version now; cases registered under it keep it. Repeating it changes nothing. */
    async deactivate(actor: Actor, id: string, ip: string | null = null): Promise<void> {
      const old = await repo.findById(id);
      if (!old) throw notFound('立结案标准');
      const now = nowIso();
      if (old.valid_to !== null && old.valid_to <= now) return;
      // Every active 小类 keeps a condition that applies everywhere, or its cases could not be registered
      // (a 子类/细类 falls back to its 小类's, so only a 小类's last row is held).
      const cls = await deps.categories.caseClass(old.class_code);
      if (
        old.area_code === null &&
        cls?.category.level === 'minor' &&
        cls.usable &&
        (await repo.othersEverywhere(old.class_code, old.id, now)) === 0
      )
        throw new AppError(
          'conflict',
          `这是分类 ${old.class_code} 唯一的立案条件，停用后该类案件将无法立案；请直接修改它，或先新增另一条`,
          { field: 'id' },
        );
      await deps.db.transaction().execute(async (tx) => {
        // A concurrent edit closed it first: nothing of ours was written, so nothing is audited.
        if (!(await repo.close(tx, old.id, old.valid_to, now))) return;
        await record(tx, actor, ip, old, {
          change: 'deactivated',
          summary: `停用 ${old.class_code} 立结案标准「${old.text.slice(0, 40)}」`,
        });
      });
    },
  };
}
export type RegistrationConditionsService = ReturnType<typeof createRegistrationConditionsService>;
