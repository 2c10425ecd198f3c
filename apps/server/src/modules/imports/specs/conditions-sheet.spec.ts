import {
  ConditionSheetRowSchema,
  DEFAULT_STEP_LIMITS,
  LIMIT_TYPES,
  SHEET_LIMIT_TYPE_LABELS,
  SHEET_STEP_LABELS,
  STEP_LIMIT_STEPS,
  type ConditionSheetRow,
  type Limit,
  type LimitType,
  type RegistrationCondition,
  type Urgency,
} from '@wangge/shared';
import type { Actor } from '../../../core/auth/actor';
import type { CellProblem, ImportColumn, ImportSpec } from '../import-spec';
import { numberCell, orNullCell, yesNoText } from './config-cells';
import { choice, validateWith } from './spec-helpers';

export interface ConditionsSheetDeps {
  rows(): Promise<(RegistrationCondition & { isDefault?: boolean; className?: string })[]>;
  check(rows: ConditionSheetRow[]): Promise<{ index: number; field: string; message: string }[]>;
  commit(
    actor: Actor,
    rows: ConditionSheetRow[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
}

const URGENCY_LABELS: Record<Urgency, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '加急', en: 'Urgent' },
};
const urgencyCell = choice(URGENCY_LABELS, { 紧急: 'urgent', 普通: 'normal' });

const UNIT_OF_TEXT = new Map<string, LimitType>(
  LIMIT_TYPES.flatMap((t) => [
    [t, t],
    [SHEET_LIMIT_TYPE_LABELS[t].zh, t],
    [SHEET_LIMIT_TYPE_LABELS[t].en, t],
  ]),
);
const UNITS = LIMIT_TYPES.map((t) => SHEET_LIMIT_TYPE_LABELS[t].zh).join('、');

/** “3 工作日”, “1.5工作时”: a number and a unit. */
function limitCell(text: string, column: string, p: CellProblem[]): Limit | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(.+)$/.exec(text.trim());
  const type = m ? UNIT_OF_TEXT.get(m[2]!.trim()) : undefined;
  if (!m || !type) {
    p.push({ column, problem: `时限应写成“数字 单位”，如“3 工作日”；单位可填：${UNITS}` });
    return undefined;
  }
  return { value: Number(m[1]), type };
}
const limitText = (l: Limit) => `${l.value} ${SHEET_LIMIT_TYPE_LABELS[l.type].zh}`;
const stepKey = (s: string) => `step_${s}`;

/** 立结案标准: one condition per row; a row with 条件ID revises that condition (a new version). */
export function conditionsSheetSpec(deps: ConditionsSheetDeps): ImportSpec<ConditionSheetRow> {
  const stepColumns: ImportColumn[] = STEP_LIMIT_STEPS.map((s) => ({
    key: stepKey(s),
    header: `${SHEET_STEP_LABELS[s].zh}时限`,
    note: `空为默认 ${limitText(DEFAULT_STEP_LIMITS[s])}`,
  }));
  return {
    kind: 'registration_conditions',
    title: '立结案标准',
    keyColumn: 'lineageId',
    columns: [
      { key: 'lineageId', header: '条件ID', note: '导出时填写；新增条件留空，修改时保留' },
      {
        key: 'classCode',
        header: '分类编码',
        required: true,
        note: '小类或更细',
        example: '06010',
      },
      { key: 'className', header: '分类名称', note: '导出时填写，导入时不读取' },
      { key: 'isDefault', header: '默认', note: '导出时填写，导入时不读取' },
      {
        key: 'text',
        header: '立案条件',
        required: true,
        example: '道路上积存垃圾面积超过 1 平方米',
      },
      {
        key: 'closureCondition',
        header: '结案条件',
        required: true,
        example: '垃圾已清理，路面干净',
      },
      { key: 'urgency', header: '紧急程度', note: '一般（空为一般）或加急', example: '一般' },
      {
        key: 'limit',
        header: '处置时限',
        required: true,
        note: `数字加单位，单位：${UNITS}`,
        example: '3 工作日',
      },
      ...stepColumns,
      { key: 'yellowCardAt', header: '黄牌倍数', note: '超过时限的倍数亮黄牌，空为 1' },
      { key: 'redCardAt', header: '红牌倍数', note: '空为 2' },
      { key: 'areaCode', header: '适用区域', note: '区域编码；空为全部区域' },
    ],
    parse(c) {
      const p: CellProblem[] = [];
      const limit = c.limit ? limitCell(c.limit, 'limit', p) : undefined;
      if (!c.limit) p.push({ column: 'limit', problem: '请填写处置时限' });
      const stepLimits = Object.fromEntries(
        STEP_LIMIT_STEPS.map((s) => {
          const text = c[stepKey(s)] ?? '';
          return [s, text === '' ? DEFAULT_STEP_LIMITS[s] : limitCell(text, stepKey(s), p)];
        }),
      );
      const candidate = {
        lineageId: orNullCell(c.lineageId),
        classCode: c.classCode,
        text: c.text,
        closureCondition: c.closureCondition,
        urgency: c.urgency ? urgencyCell(c.urgency, 'urgency', p) : 'normal',
        limitValue: limit?.value,
        limitType: limit?.type,
        stepLimits,
        yellowCardAt: numberCell(c.yellowCardAt ?? '', 'yellowCardAt', p) ?? null,
        redCardAt: numberCell(c.redCardAt ?? '', 'redCardAt', p) ?? null,
        areaCode: orNullCell(c.areaCode),
      };
      const row = validateWith(ConditionSheetRowSchema, candidate, p, (path) => {
        const f = String(path[0] ?? 'text');
        if (f === 'limitValue' || f === 'limitType') return 'limit';
        if (f === 'stepLimits') return stepKey(String(path[1]));
        return f;
      });
      return row ? { row } : { problems: p };
    },
    key: (r) =>
      r.lineageId !== null
        ? `l:${r.lineageId}`
        : `n:${r.classCode}|${r.text}|${r.areaCode ?? ''}|${r.urgency}`,
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
        lineageId: r.lineageId,
        classCode: r.classCode,
        className: r.className ?? '',
        isDefault: r.isDefault === undefined ? '' : yesNoText(r.isDefault),
        text: r.text,
        closureCondition: r.closureCondition,
        urgency: URGENCY_LABELS[r.urgency].zh,
        limit: limitText({ value: r.limitValue, type: r.limitType }),
        ...Object.fromEntries(
          STEP_LIMIT_STEPS.map((s) => [stepKey(s), limitText(r.stepLimits[s])]),
        ),
        yellowCardAt: r.yellowCardAt === null ? '' : String(r.yellowCardAt),
        redCardAt: r.redCardAt === null ? '' : String(r.redCardAt),
        areaCode: r.areaCode ?? '',
      }));
    },
  };
}
