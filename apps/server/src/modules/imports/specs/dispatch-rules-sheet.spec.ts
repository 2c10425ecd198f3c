import {
  DispatchRuleSheetRowSchema,
  type DispatchRole,
  type DispatchRule,
  type DispatchRuleSheetRow,
} from '@wangge/shared';
import type { Actor } from '../../../core/auth/actor';
import type { CellProblem, ImportSpec } from '../import-spec';
import { numberCell, orNullCell, yesNo, yesNoText } from './config-cells';
import { choice, validateWith } from './spec-helpers';

export interface DispatchRulesSheetDeps {
  rows(actor: Actor): Promise<DispatchRule[]>;
  check(
    actor: Actor,
    rows: DispatchRuleSheetRow[],
  ): Promise<{ index: number; field: string; message: string }[]>;
  commit(
    actor: Actor,
    rows: DispatchRuleSheetRow[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
}

const ROLE_LABELS: Record<DispatchRole, { zh: string; en: string }> = {
  primary: { zh: '主办', en: 'Primary' },
  backup: { zh: '协办', en: 'Backup' },
};
const roleCell = choice(ROLE_LABELS, { 主责: 'primary', 备选: 'backup', 备用: 'backup' });

/** 派遣矩阵: one rule per row (a department, 主办 or 协办, for a class in an area). */
export function dispatchRulesSheetSpec(
  deps: DispatchRulesSheetDeps,
): ImportSpec<DispatchRuleSheetRow> {
  return {
    kind: 'dispatch_rules',
    title: '派遣矩阵',
    keyColumn: 'classCode',
    columns: [
      { key: 'id', header: '规则ID', note: '导出时填写；新增规则留空' },
      {
        key: 'classCode',
        header: '分类编码',
        required: true,
        note: '小类或更细的分类；大类编码表示其下全部分类',
        example: '06010',
      },
      { key: 'className', header: '分类名称', note: '导出时填写，导入时不读取' },
      {
        key: 'areaCode',
        header: '区域编码',
        required: true,
        note: '区、街道、社区或网格编码；规则适用于其下全部区域',
        example: '410199001',
      },
      { key: 'areaName', header: '区域名称', note: '导出时填写，导入时不读取' },
      { key: 'departmentCode', header: '部门编码', required: true, example: 'hw_center' },
      { key: 'departmentName', header: '部门名称', note: '导出时填写，导入时不读取' },
      { key: 'role', header: '角色', note: '主办（空为主办）或协办', example: '主办' },
      { key: 'priority', header: '优先级', note: '0–999，小的先派（空为 0）', example: '0' },
      { key: 'conditionId', header: '立案条件ID', note: '仅对某一立案条件生效时填写' },
      { key: 'active', header: '启用', note: '是/否（空为是）' },
    ],
    parse(c) {
      const p: CellProblem[] = [];
      const candidate = {
        id: orNullCell(c.id),
        classCode: c.classCode,
        areaCode: c.areaCode,
        departmentCode: c.departmentCode,
        role: c.role ? roleCell(c.role, 'role', p) : 'primary',
        priority: numberCell(c.priority ?? '', 'priority', p, true) ?? 0,
        conditionId: orNullCell(c.conditionId),
        active: yesNo(c.active ?? '', 'active', p, true),
      };
      const row = validateWith(DispatchRuleSheetRowSchema, candidate, p, (path) =>
        String(path[0] ?? 'classCode'),
      );
      return row ? { row } : { problems: p };
    },
    key: (r) =>
      r.id !== null
        ? `id:${r.id}`
        : [r.classCode, r.areaCode, r.conditionId ?? '', r.departmentCode, r.role].join('|'),
    async check(actor, rows) {
      return (await deps.check(actor, rows)).map((f) => ({
        index: f.index,
        column: f.field,
        problem: f.message,
      }));
    },
    commit: (actor, rows) => deps.commit(actor, rows),
    async exportRows(actor) {
      return (await deps.rows(actor)).map((r) => ({
        id: r.id,
        classCode: r.classCode,
        className: r.className ?? '',
        areaCode: r.areaCode,
        areaName: r.areaName ?? '',
        departmentCode: r.departmentCode ?? '',
        departmentName: r.departmentName ?? '',
        role: ROLE_LABELS[r.role].zh,
        priority: String(r.priority),
        conditionId: r.conditionId ?? '',
        active: yesNoText(r.active),
      }));
    },
  };
}
