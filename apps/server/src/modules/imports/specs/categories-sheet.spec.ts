import {
  CATEGORY_KIND_LABELS,
  CATEGORY_LEVEL_LABELS,
  CategorySheetRowSchema,
  type CategoryLevel,
  type CategorySheetRow,
} from '@wangge/shared';
import type { Actor } from '../../../core/auth/actor';
import type { CellProblem, ImportSpec } from '../import-spec';
import { listCell, numberCell, orNullCell, yesNo, yesNoText } from './config-cells';
import { choice, validateWith } from './spec-helpers';

export interface CategoriesSheetDeps {
  rows(): Promise<(CategorySheetRow & { level: CategoryLevel; isLocal: boolean })[]>;
  check(rows: CategorySheetRow[]): Promise<{ index: number; field: string; message: string }[]>;
  commit(
    actor: Actor,
    rows: CategorySheetRow[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
}

const kindCell = choice(CATEGORY_KIND_LABELS, { 综治: 'governance' });

/** 分类字典: one class per row; existing classes are updated, new codes become local extensions. */
export function categoriesSheetSpec(deps: CategoriesSheetDeps): ImportSpec<CategorySheetRow> {
  return {
    kind: 'categories',
    title: '分类字典',
    keyColumn: 'code',
    columns: [
      {
        key: 'kind',
        header: '问题类型',
        required: true,
        note: '事项、综治事件、部件',
        example: '事项',
      },
      { key: 'code', header: '分类编码', required: true, example: '0601001' },
      {
        key: 'parentCode',
        header: '上级编码',
        note: '新增分类必填；小类加 3 位，子类、细类各加 2 位',
        example: '06010',
      },
      { key: 'level', header: '层级', note: '导出时填写，导入时不读取' },
      { key: 'name', header: '名称', required: true, example: '背街小巷积存垃圾' },
      { key: 'synonyms', header: '地方叫法', note: '多个用顿号分隔', example: '垃圾堆、乱倒垃圾' },
      { key: 'legacyCodes', header: '旧编码', note: '多个用顿号分隔' },
      { key: 'selfHandleAllowed', header: '自行处置', note: '是/否（空为否）' },
      { key: 'verifyRequired', header: '必须核实', note: '是/否（空为否）' },
      {
        key: 'duplicateRadiusM',
        header: '重复判定半径(米)',
        note: '0–5000；空：已有分类不变，新分类沿用上级',
      },
      { key: 'active', header: '启用', note: '是/否（空为是）；有未办结案件的分类不能停用' },
      { key: 'local', header: '本地扩展', note: '导出时填写，导入时不读取' },
    ],
    parse(c) {
      const p: CellProblem[] = [];
      const candidate = {
        kind: kindCell(c.kind ?? '', 'kind', p),
        code: c.code,
        parentCode: orNullCell(c.parentCode),
        name: c.name,
        synonyms: listCell(c.synonyms ?? ''),
        legacyCodes: listCell(c.legacyCodes ?? ''),
        selfHandleAllowed: yesNo(c.selfHandleAllowed ?? '', 'selfHandleAllowed', p, false),
        verifyRequired: yesNo(c.verifyRequired ?? '', 'verifyRequired', p, false),
        duplicateRadiusM: numberCell(c.duplicateRadiusM ?? '', 'duplicateRadiusM', p, true) ?? null,
        active: yesNo(c.active ?? '', 'active', p, true),
      };
      const row = validateWith(CategorySheetRowSchema, candidate, p, (path) =>
        String(path[0] ?? 'code'),
      );
      return row ? { row } : { problems: p };
    },
    key: (r) => `${r.kind}:${r.code}`,
    async check(_actor, rows) {
      return (await deps.check(rows)).map((f) => ({
        index: f.index,
        column: f.field,
        problem: f.message,
      }));
    },
    commit: (actor, rows) => deps.commit(actor, rows),
    async exportRows() {
      return (await deps.rows()).map((r) => ({
        kind: CATEGORY_KIND_LABELS[r.kind].zh,
        code: r.code,
        parentCode: r.parentCode ?? '',
        level: CATEGORY_LEVEL_LABELS[r.level].zh,
        name: r.name,
        synonyms: r.synonyms.join('、'),
        legacyCodes: r.legacyCodes.join('、'),
        selfHandleAllowed: yesNoText(r.selfHandleAllowed),
        verifyRequired: yesNoText(r.verifyRequired),
        duplicateRadiusM: String(r.duplicateRadiusM ?? ''),
        active: yesNoText(r.active),
        local: yesNoText(r.isLocal),
      }));
    },
  };
}
