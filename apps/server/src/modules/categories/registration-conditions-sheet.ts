import type { Kysely } from 'kysely';
import {
  STEP_LIMIT_STEPS,
  type ConditionSheetRow,
  type RegistrationCondition,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { AreaRefs } from '../areas';
import { DEFAULT_RED_CARD_AT, DEFAULT_YELLOW_CARD_AT } from '../calendar';
import type { CategoriesService } from './categories.service';
import type { RegistrationConditionsTable } from './categories.tables';
import { toCondition } from './condition-rows';
import { createRegistrationConditionsRepo } from './registration-conditions.repo';

export interface ConditionsSheetDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  categories: Pick<CategoriesService, 'caseClass' | 'caseClasses'>;
  areaRefs: AreaRefs;
}

export interface SheetProblem {
  index: number;
  field: string;
  message: string;
}

/** What a version says, in a fixed order: two rows with the same content are the same standard. */
const contentKey = (c: Omit<ConditionSheetRow, 'lineageId'>) =>
  JSON.stringify([
    c.classCode,
    c.text,
    c.closureCondition,
    c.urgency,
    c.limitValue,
    c.limitType,
    STEP_LIMIT_STEPS.map((s) => [c.stepLimits[s].value, c.stepLimits[s].type]),
    c.yellowCardAt,
    c.redCardAt,
    c.areaCode,
  ]);

/**
 * 立结案标准 as a workbook, so a city loads its own standard in one step. Export: the current version of every
 * condition. Import: a row naming a condition (条件ID) whose content differs becomes that condition's next version
 * (the old one ends now; cases keep the version they were registered under); a row without one adds a condition.
 * Conditions absent from the file are left as they are.
 */
export function createConditionsSheet(deps: ConditionsSheetDeps) {
  const repo = createRegistrationConditionsRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();

  return {
    async sheetRows(): Promise<
      (RegistrationCondition & { isDefault: boolean; className: string })[]
    > {
      const rows = await repo.currentAt(nowIso());
      const names = new Map(
        (await deps.categories.caseClasses(rows.map((r) => r.class_code))).map((c) => [
          c.code,
          c.name,
        ]),
      );
      return rows.map((r) => ({
        ...toCondition(r),
        isDefault: r.is_default === 1,
        className: names.get(r.class_code) ?? '',
      }));
    },

    async checkSheetRows(rows: ConditionSheetRow[]): Promise<SheetProblem[]> {
      const problems: SheetProblem[] = [];
      const lineages = rows.flatMap((r) => (r.lineageId ? [r.lineageId] : []));
      const current = new Map(
        (await repo.currentAt(nowIso(), lineages)).map((r) => [r.lineage_id, r]),
      );
      const areaCodes = [...new Set(rows.flatMap((r) => (r.areaCode ? [r.areaCode] : [])))];
      const areas = new Set((await deps.areaRefs(areaCodes)).map((a) => a.code));
      for (const [index, r] of rows.entries()) {
        const cls = await deps.categories.caseClass(r.classCode);
        if (!cls)
          problems.push({ index, field: 'classCode', message: `分类 ${r.classCode} 不存在` });
        else if (cls.category.level === 'major')
          problems.push({ index, field: 'classCode', message: '立结案标准须对应小类或更细的分类' });
        if (r.areaCode !== null && !areas.has(r.areaCode))
          problems.push({ index, field: 'areaCode', message: `区域 ${r.areaCode} 不存在` });
        if ((r.yellowCardAt ?? DEFAULT_YELLOW_CARD_AT) > (r.redCardAt ?? DEFAULT_RED_CARD_AT))
          problems.push({ index, field: 'redCardAt', message: '红牌比例不能小于黄牌比例' });
        if (r.lineageId !== null) {
          const old = current.get(r.lineageId);
          if (!old)
            problems.push({
              index,
              field: 'lineageId',
              message: `立结案标准 ${r.lineageId} 不存在或已停用`,
            });
          else if (old.class_code !== r.classCode)
            problems.push({
              index,
              field: 'classCode',
              message: `该条件属于分类 ${old.class_code}，不能改到其他分类；请删去条件ID作为新条件导入`,
            });
        }
      }
      return problems.sort((a, b) => a.index - b.index);
    },

    /** Writes every row in one transaction: new versions of changed conditions, new conditions; equal rows nothing. */
    async commitSheetRows(actor: Actor, rows: ConditionSheetRow[], ip: string | null = null) {
      const now = nowIso();
      const lineages = rows.flatMap((r) => (r.lineageId ? [r.lineageId] : []));
      const current = new Map((await repo.currentAt(now, lineages)).map((r) => [r.lineage_id, r]));
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const build = (
        r: ConditionSheetRow,
        v: Pick<
          RegistrationConditionsTable,
          'id' | 'lineage_id' | 'supersedes_id' | 'is_default' | 'valid_from' | 'valid_to'
        >,
      ): RegistrationConditionsTable => ({
        ...v,
        class_code: r.classCode,
        text: r.text,
        closure_condition: r.closureCondition,
        urgency: r.urgency,
        limit_value: r.limitValue,
        limit_type: r.limitType,
        step_limits: JSON.stringify(r.stepLimits),
        yellow_card_at: r.yellowCardAt,
        red_card_at: r.redCardAt,
        area_code: r.areaCode,
        created_at: now,
      });
      const audit = (
        tx: Kysely<DB>,
        row: RegistrationConditionsTable,
        detail: Record<string, unknown>,
      ) =>
        deps.audit.record(
          {
            action: 'condition_changed',
            actor,
            targetType: 'registration_condition',
            targetId: row.id,
            ip,
            detail: {
              lineageId: row.lineage_id,
              classCode: row.class_code,
              source: 'sheet',
              ...detail,
            },
          },
          tx,
        );
      await deps.db.transaction().execute(async (tx) => {
        for (const r of rows) {
          const old = r.lineageId ? current.get(r.lineageId) : undefined;
          if (old) {
            if (contentKey(toCondition(old)) === contentKey(r)) {
              counts.unchanged++;
              continue;
            }
            const validFrom = old.valid_from > now ? old.valid_from : now;
            if (!(await repo.close(tx, old.id, old.valid_to, validFrom)))
              throw new AppError(
                'conflict',
                `立结案标准 ${old.lineage_id} 已被他人修改，请重新导出后再导入`,
              );
            const next = build(r, {
              id: newId(),
              lineage_id: old.lineage_id,
              supersedes_id: old.id,
              is_default: old.is_default,
              valid_from: validFrom,
              valid_to: old.valid_to,
            });
            await repo.insert(tx, next);
            await audit(tx, next, {
              change: 'updated',
              supersedesId: old.id,
              summary: `导入修改 ${next.class_code} 立结案标准「${next.text.slice(0, 40)}」，时限 ${old.limit_value} ${old.limit_type} → ${next.limit_value} ${next.limit_type}`,
            });
            counts.updated++;
            continue;
          }
          const id = newId();
          const row = build(r, {
            id,
            lineage_id: id,
            supersedes_id: null,
            is_default: 0,
            valid_from: now,
            valid_to: null,
          });
          await repo.insert(tx, row);
          await audit(tx, row, {
            change: 'created',
            summary: `导入新增 ${row.class_code} 立结案标准「${row.text.slice(0, 40)}」，时限 ${row.limit_value} ${row.limit_type}`,
          });
          counts.created++;
        }
      });
      return counts;
    },
  };
}
export type ConditionsSheet = ReturnType<typeof createConditionsSheet>;
