import type { Kysely } from 'kysely';
import type {
  CreateDispatchRuleRequest,
  Department,
  DispatchRole,
  DispatchRule,
  DispatchRuleListQuery,
  DispatchGapQuery,
  DispatchGapReport,
  DispatchSuggestion,
  UpdateDispatchRuleRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { assertActionInScope, inScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { CategoriesService, RegistrationConditionsService } from '../categories';
import { componentDepartment, type ComponentUnits } from './component-dispatch';
import { dispatchGapReport } from './dispatch-gaps';
import { chooseRules, type RuleCandidate } from './dispatch-resolution';
import { createDispatchRulesRepo } from './dispatch-rules.repo';
import { createDispatchRulesSheet } from './dispatch-rules-sheet';
import type { DispatchRulesTable } from './dispatch-rules.tables';
import type { AreaRefs } from '../areas';

export interface DispatchRulesDeps {
  db: Kysely<DB>;
  clock: Clock;
  categories: Pick<CategoriesService, 'caseClass' | 'caseClasses' | 'list'>;
  conditions: Pick<RegistrationConditionsService, 'getById'>;
  areaRefs: AreaRefs;
  /** Departments by id (any area); a missing id is a department that no longer exists. */
  departmentsByIds(ids: string[]): Promise<Department[]>;
  /** Departments by code (any area): the workbook names them so. */
  departmentsByCodes(codes: string[]): Promise<Department[]>;
  /** Departments whose 统一社会信用代码 is one of `codes` (any area). */
  departmentsByCreditCodes(codes: string[]): Promise<Department[]>;
  /** The units responsible for a 部件 (components module); null when there is no such component. */
  componentUnits(id: string): Promise<ComponentUnits | null>;
  /** The streets (level street) inside the caller's scope (areas module). */
  streetsInScope(actor: Actor): Promise<{ code: string; name: string }[]>;
  audit: Pick<AuditService, 'record'>;
}

/** Input of `suggest`, as the case engine calls it. */
export interface SuggestInput {
  /** Null for a case without a class yet: only a bound 部件 or 属地兜底 can then answer. */
  classCode: string | null;
  gridCode: string;
  /** Any version id of the case's 立案条件. */
  conditionId?: string | undefined;
  /** The 部件 the case is bound to: its units come before the matrix (docs/case-workflow.md §4 step 1). */
  componentId?: string | null | undefined;
}

type RuleKey = Pick<
  DispatchRulesTable,
  'class_code' | 'area_code' | 'condition_id' | 'department_id'
>;

/** Every prefix of `code` down to `min` characters, the code itself first. */
function prefixes(code: string, min: number): string[] {
  const out: string[] = [];
  for (let n = code.length; n >= min; n--) out.push(code.slice(0, n));
  return out;
}

/** A short human summary of a rule for the audit log. */
const summaryOf = (
  r: Pick<DispatchRulesTable, 'class_code' | 'area_code' | 'department_id' | 'role' | 'priority'>,
  deptName?: string | null,
) =>
  `${r.class_code} @ ${r.area_code} → ${deptName ?? r.department_id} (${r.role === 'primary' ? '主办' : '协办'}, 优先级 ${r.priority})`;

const toCandidate = (r: DispatchRulesTable): RuleCandidate => ({
  id: r.id,
  classCode: r.class_code,
  areaCode: r.area_code,
  conditionId: r.condition_id,
  departmentId: r.department_id,
  role: r.role as DispatchRole,
  priority: r.priority,
  createdAt: r.created_at,
});

/** 派遣矩阵: which department a case of a class in an area goes to (docs/case-workflow.md §4). */
export function createDispatchRulesService(deps: DispatchRulesDeps) {
  const repo = createDispatchRulesRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();

  async function present(rows: DispatchRulesTable[]): Promise<DispatchRule[]> {
    const uniq = (f: (r: DispatchRulesTable) => string) => [...new Set(rows.map(f))];
    const [classes, areas, depts] = await Promise.all([
      deps.categories.caseClasses(uniq((r) => r.class_code)),
      deps.areaRefs(uniq((r) => r.area_code)),
      deps.departmentsByIds(uniq((r) => r.department_id)),
    ]);
    const className = new Map(classes.map((c) => [c.code, c.name]));
    const areaName = new Map(areas.map((a) => [a.code, a.name]));
    const dept = new Map(depts.map((d) => [d.id, d]));
    return rows.map((r) => ({
      id: r.id,
      classCode: r.class_code,
      className: className.get(r.class_code) ?? null,
      areaCode: r.area_code,
      areaName: areaName.get(r.area_code) ?? null,
      conditionId: r.condition_id,
      departmentId: r.department_id,
      departmentCode: dept.get(r.department_id)?.code ?? null,
      departmentName: dept.get(r.department_id)?.name ?? null,
      role: r.role as DispatchRole,
      priority: r.priority,
      active: r.active === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  /** Checks a rule's references; answers the condition's lineage id, which is what rules store. */
  async function check(
    actor: Actor,
    r: { classCode: string; areaCode: string; conditionId: string | null; departmentId: string },
  ): Promise<string | null> {
    // The area the request names, so the refusal names its field (the form marks it, the workbook reports it).
    if (!inScope(actor.scope, r.areaCode))
      throw new AppError('forbidden', `区域 ${r.areaCode} 不在您的管辖范围内`, {
        field: 'areaCode',
      });
    if (!(await deps.areaRefs([r.areaCode])).some((a) => a.code === r.areaCode))
      throw invalid('areaCode', `区域 ${r.areaCode} 不存在`);
    if (!(await deps.categories.caseClass(r.classCode)))
      throw invalid('classCode', `分类 ${r.classCode} 不存在`);
    if ((await deps.departmentsByIds([r.departmentId])).length === 0)
      throw invalid('departmentId', '部门不存在');
    if (r.conditionId === null) return null;
    const cond = await deps.conditions.getById(r.conditionId);
    if (!cond) throw invalid('conditionId', '立结案标准不存在');
    // The condition must belong to the rule's class, to a class below it, or to an ancestor it inherits from.
    if (!cond.classCode.startsWith(r.classCode) && !r.classCode.startsWith(cond.classCode))
      throw invalid('conditionId', `立结案标准属于分类 ${cond.classCode}，与 ${r.classCode} 不符`);
    return cond.lineageId;
  }

  async function refuseDuplicate(
    key: RuleKey & { role: string },
    exceptId: string | null,
  ): Promise<void> {
    if (await repo.findDuplicate(key, exceptId))
      throw new AppError('duplicate', '已有相同的派遣规则');
  }

  function record(
    actor: Actor,
    ip: string | null,
    id: string,
    detail: Record<string, unknown>,
    tx: Kysely<DB>,
  ) {
    return deps.audit.record(
      {
        action: 'dispatch_rule_changed',
        actor,
        targetType: 'dispatch_rule',
        targetId: id,
        ip,
        detail,
      },
      tx,
    );
  }

  async function findForAction(actor: Actor, id: string): Promise<DispatchRulesTable> {
    const row = await repo.findById(id);
    if (!row) throw notFound('派遣规则');
    // Reads of records outside the subtree answer 404 elsewhere; an action on one is refused outright.
    assertActionInScope(actor.scope, row.area_code);
    return row;
  }

  const sheet = createDispatchRulesSheet({
    db: deps.db,
    clock: deps.clock,
    repo,
    check,
    present,
    departmentsByCodes: deps.departmentsByCodes,
    record: (actor, ip, id, detail, tx) => record(actor, ip, id, detail, tx),
  });

  return {
    /** The matrix as workbook rows, and an import's check and commit (dispatch-rules-sheet.ts). */
    sheetRows: sheet.sheetRows,
    checkSheetRows: sheet.checkSheetRows,
    commitSheetRows: sheet.commitSheetRows,

    async list(actor: Actor, q: DispatchRuleListQuery): Promise<DispatchRule[]> {
      const related = (code: string | undefined, min: number) =>
        code === undefined ? undefined : { code, ancestors: prefixes(code, min) };
      const classCode = related(q.classCode, 2);
      const areaCode = related(q.areaCode, 6);
      return present(
        await repo.list(actor.scope, {
          ...(classCode ? { classCode } : {}),
          ...(areaCode ? { areaCode } : {}),
          ...(q.departmentId ? { departmentId: q.departmentId } : {}),
          activeOnly: q.activeOnly === 'true',
        }),
      );
    },

    async create(
      actor: Actor,
      input: CreateDispatchRuleRequest,
      ip: string | null = null,
    ): Promise<DispatchRule> {
      const conditionId = await check(actor, { ...input, conditionId: input.conditionId ?? null });
      const t = nowIso();
      const row: DispatchRulesTable = {
        id: newId(),
        class_code: input.classCode,
        area_code: input.areaCode,
        condition_id: conditionId,
        department_id: input.departmentId,
        role: input.role,
        priority: input.priority,
        active: 1,
        created_at: t,
        updated_at: t,
      };
      await refuseDuplicate(row, null);
      const [view] = await present([row]);
      await deps.db.transaction().execute(async (tx) => {
        await repo.insert(row, tx);
        await record(
          actor,
          ip,
          row.id,
          { change: 'created', summary: `新增派遣规则 ${summaryOf(row, view!.departmentName)}` },
          tx,
        );
      });
      return view!;
    },

    async update(
      actor: Actor,
      id: string,
      input: UpdateDispatchRuleRequest,
      ip: string | null = null,
    ): Promise<DispatchRule> {
      const row = await findForAction(actor, id);
      const merged = {
        classCode: input.classCode ?? row.class_code,
        areaCode: input.areaCode ?? row.area_code,
        conditionId: input.conditionId !== undefined ? input.conditionId : row.condition_id,
        departmentId: input.departmentId ?? row.department_id,
      };
      const conditionId = await check(actor, merged);
      const next: DispatchRulesTable = {
        ...row,
        class_code: merged.classCode,
        area_code: merged.areaCode,
        condition_id: conditionId,
        department_id: merged.departmentId,
        role: input.role ?? row.role,
        priority: input.priority ?? row.priority,
        active: input.active === undefined ? row.active : input.active ? 1 : 0,
        updated_at: nowIso(),
      };
      if (next.active === 1) await refuseDuplicate(next, id);
      const [view] = await present([next]);
      await deps.db.transaction().execute(async (tx) => {
        await repo.update(id, next, tx);
        const summary = `修改派遣规则 ${summaryOf(next, view!.departmentName)}${next.active === 1 ? '' : '（停用）'}`;
        await record(
          actor,
          ip,
          id,
          { change: 'updated', summary, before: summaryOf(row), fields: Object.keys(input) },
          tx,
        );
      });
      return view!;
    },

    /** Deactivates a rule; it stays listed (inactive) so the matrix keeps its history. */
    async deactivate(actor: Actor, id: string, ip: string | null = null): Promise<void> {
      const row = await findForAction(actor, id);
      await deps.db.transaction().execute(async (tx) => {
        await repo.update(id, { active: 0, updated_at: nowIso() }, tx);
        await record(
          actor,
          ip,
          id,
          { change: 'deactivated', summary: `停用派遣规则 ${summaryOf(row)}` },
          tx,
        );
      });
    },

    /**
     * The department proposed for a case. A bound 部件's 养护单位, 权属单位 or 主管部门 comes first, when a department
     * carries its credit code. Then the matrix: most specific area first, then a rule naming the case's
     * condition, then most specific class; within that set primaries before backups, each by priority. With no rule
     * the street containing the grid owns the case (属地兜底); with no street either, it goes to manual dispatch.
     */
    async suggest(input: SuggestInput): Promise<DispatchSuggestion> {
      if (input.classCode !== null && !(await deps.categories.caseClass(input.classCode)))
        throw invalid('classCode', `分类 ${input.classCode} 不存在`);
      const areaCodes = prefixes(input.gridCode, 6);
      const refs = await deps.areaRefs(areaCodes);
      if (!refs.some((a) => a.code === input.gridCode))
        throw invalid('gridCode', `区域 ${input.gridCode} 不存在`);
      const streetCode = refs.find((a) => a.level === 'street')?.code ?? null;
      const none = {
        primary: null,
        backups: [],
        matchedRuleId: null,
        matchedRole: null,
        componentRole: null,
      };
      if (input.componentId) {
        const hit = await componentDepartment(deps, input.componentId);
        if (hit)
          return {
            ...none,
            primary: hit.department,
            fallback: null,
            streetCode,
            componentRole: hit.role,
          };
      }
      // Without a class there is no matrix row to match.
      if (input.classCode === null)
        return { ...none, fallback: streetCode ? 'street' : null, streetCode };
      let lineage: string | null = null;
      if (input.conditionId !== undefined) {
        const cond = await deps.conditions.getById(input.conditionId);
        if (!cond) throw invalid('conditionId', '立结案标准不存在');
        lineage = cond.lineageId;
      }
      const rows = (await repo.candidates(prefixes(input.classCode, 2), areaCodes)).filter(
        (r) => r.condition_id === null || r.condition_id === lineage,
      );
      const depts = new Map(
        (await deps.departmentsByIds([...new Set(rows.map((r) => r.department_id))])).map((d) => [
          d.id,
          d,
        ]),
      );
      const choice = chooseRules(rows.map(toCandidate), (id) => depts.has(id));
      if (!choice) return { ...none, fallback: streetCode ? 'street' : null, streetCode };
      const [first, ...rest] = choice.ordered;
      return {
        primary: depts.get(first!.departmentId)!,
        backups: rest.map((r) => depts.get(r.departmentId)!),
        matchedRuleId: first!.id,
        matchedRole: first!.role,
        fallback: null,
        streetCode,
        componentRole: null,
      };
    },

    /** `suggest` for a caller: a grid outside their subtree reads as absent, and so does a component. */
    async suggestFor(actor: Actor, input: SuggestInput): Promise<DispatchSuggestion> {
      if (!inScope(actor.scope, input.gridCode)) throw notFound('区域');
      if (input.componentId) {
        const units = await deps.componentUnits(input.componentId);
        if (!units || !inScope(actor.scope, units.gridCode))
          throw invalid('componentId', '部件不存在');
      }
      return this.suggest(input);
    },

    /** 未配置主责部门: 小类 × 街道 pairs in the caller's scope without a primary department. */
    gaps: (actor: Actor, q: DispatchGapQuery): Promise<DispatchGapReport> =>
      dispatchGapReport(deps, repo, actor, q),
  };
}
export type DispatchRulesService = ReturnType<typeof createDispatchRulesService>;
