import type { Kysely } from 'kysely';
import type { Department, DispatchRule, DispatchRuleSheetRow } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import type { DispatchRulesRepo } from './dispatch-rules.repo';
import type { DispatchRulesTable } from './dispatch-rules.tables';

export interface DispatchRulesSheetDeps {
  db: Kysely<DB>;
  clock: Clock;
  repo: DispatchRulesRepo;
  /** The service's reference check: answers the condition's lineage id, throws AppError with a field. */
  check(
    actor: Actor,
    r: { classCode: string; areaCode: string; conditionId: string | null; departmentId: string },
  ): Promise<string | null>;
  present(rows: DispatchRulesTable[]): Promise<DispatchRule[]>;
  departmentsByCodes(codes: string[]): Promise<Department[]>;
  record(
    actor: Actor,
    ip: string | null,
    id: string,
    detail: Record<string, unknown>,
    tx: Kysely<DB>,
  ): Promise<void>;
}

export interface SheetProblem {
  index: number;
  field: string;
  message: string;
}

/** A checked row: the sheet row with its department id, condition lineage and the rule it updates. */
interface Resolved {
  row: DispatchRuleSheetRow;
  departmentId: string;
  conditionId: string | null;
  target: DispatchRulesTable | null;
}

const naturalKey = (
  r: Pick<
    DispatchRulesTable,
    'class_code' | 'area_code' | 'condition_id' | 'department_id' | 'role'
  >,
) => [r.class_code, r.area_code, r.condition_id ?? '', r.department_id, r.role].join('|');

/**
 * The 派遣矩阵 as a workbook: one row per rule (主办 or 协办 department of a class × area). Import updates the rule
 * named by 规则ID, or the active rule with the same class, area, condition, department and role, or adds one.
 */
export function createDispatchRulesSheet(deps: DispatchRulesSheetDeps) {
  /** Checks every row; answers the problems and, when there are none, the resolved rows. */
  async function resolve(
    actor: Actor,
    rows: DispatchRuleSheetRow[],
  ): Promise<{ problems: SheetProblem[]; resolved: Resolved[] }> {
    const problems: SheetProblem[] = [];
    const depts = new Map(
      (await deps.departmentsByCodes([...new Set(rows.map((r) => r.departmentCode))])).map((d) => [
        d.code,
        d,
      ]),
    );
    const inScope = await deps.repo.list(actor.scope, { activeOnly: false });
    const byId = new Map(inScope.map((r) => [r.id, r]));
    const activeByKey = new Map(
      inScope.filter((r) => r.active === 1).map((r) => [naturalKey(r), r]),
    );
    const resolved: Resolved[] = [];
    for (const [index, row] of rows.entries()) {
      const dept = depts.get(row.departmentCode);
      if (!dept) {
        problems.push({
          index,
          field: 'departmentCode',
          message: `部门编码 ${row.departmentCode} 不存在`,
        });
        continue;
      }
      let conditionId: string | null;
      try {
        conditionId = await deps.check(actor, {
          classCode: row.classCode,
          areaCode: row.areaCode,
          conditionId: row.conditionId,
          departmentId: dept.id,
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        problems.push({ index, field: err.field ?? 'classCode', message: err.message });
        continue;
      }
      const key = naturalKey({
        class_code: row.classCode,
        area_code: row.areaCode,
        condition_id: conditionId,
        department_id: dept.id,
        role: row.role,
      });
      let target: DispatchRulesTable | null = null;
      if (row.id !== null) {
        target = byId.get(row.id) ?? null;
        if (!target) {
          problems.push({
            index,
            field: 'id',
            message: `规则 ${row.id} 不存在或不在您的管辖范围内`,
          });
          continue;
        }
      } else target = activeByKey.get(key) ?? null;
      const clash = activeByKey.get(key);
      if (row.active && clash && clash.id !== target?.id && !rows.some((r) => r.id === clash.id))
        problems.push({
          index,
          field: 'departmentCode',
          message: '已有相同的派遣规则（同分类、区域、条件、部门和角色）',
        });
      resolved.push({ row, departmentId: dept.id, conditionId, target });
    }
    return { problems, resolved };
  }

  return {
    /** Every rule in the caller's subtree, active or not, with the department's code. */
    async sheetRows(actor: Actor): Promise<DispatchRule[]> {
      return deps.present(await deps.repo.list(actor.scope, { activeOnly: false }));
    },

    async checkSheetRows(actor: Actor, rows: DispatchRuleSheetRow[]): Promise<SheetProblem[]> {
      return (await resolve(actor, rows)).problems;
    },

    /** Writes every row in one transaction; a row equal to its rule changes nothing. */
    async commitSheetRows(actor: Actor, rows: DispatchRuleSheetRow[], ip: string | null = null) {
      const { problems, resolved } = await resolve(actor, rows);
      if (problems.length) throw new AppError('validation_failed', problems[0]!.message);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const t = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (tx) => {
        for (const { row, departmentId, conditionId, target } of resolved) {
          const next = {
            class_code: row.classCode,
            area_code: row.areaCode,
            condition_id: conditionId,
            department_id: departmentId,
            role: row.role,
            priority: row.priority,
            active: row.active ? 1 : 0,
          };
          if (target) {
            const fields = (Object.keys(next) as (keyof typeof next)[]).filter(
              (f) => next[f] !== target[f],
            );
            if (fields.length === 0) {
              counts.unchanged++;
              continue;
            }
            await deps.repo.update(target.id, { ...next, updated_at: t }, tx);
            await deps.record(
              actor,
              ip,
              target.id,
              {
                change: 'updated',
                source: 'sheet',
                fields,
                summary: `导入修改派遣规则 ${row.classCode} @ ${row.areaCode} → ${row.departmentCode}：${fields.join('、')}`,
              },
              tx,
            );
            counts.updated++;
            continue;
          }
          const id = newId();
          await deps.repo.insert({ id, ...next, created_at: t, updated_at: t }, tx);
          await deps.record(
            actor,
            ip,
            id,
            {
              change: 'created',
              source: 'sheet',
              summary: `导入新增派遣规则 ${row.classCode} @ ${row.areaCode} → ${row.departmentCode}（${row.role === 'primary' ? '主办' : '协办'}，优先级 ${row.priority}）`,
            },
            tx,
          );
          counts.created++;
        }
      });
      return counts;
    },
  };
}
