import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Every 小类 a case can be filed under gets a 立结案标准 out of the box (issue 11 #1). Before this, only the handful
// of example rows of 2026-11-29T1600_case-config existed, and 立案 was impossible for every other class.
//
// Defaults are stored rows, one per 小类, marked `is_default = 1` (docs/case-workflow.md §3.1 says why rows and not a
// 大类 fallback read at run time). Each takes its 大类's generic condition and time limit from the table below — a
// FROZEN copy of modules/categories/default-conditions.ts, which gives a 小类 created later its default. Classes
// that already have a condition applying everywhere keep theirs and get no default.

/** Frozen: 大类 → generic 立案条件 (after the class name), 结案条件, urgency and 处置 limit. */
const MAJOR_DEFAULTS: Record<
  string,
  { text: string; closure: string; urgency: string; value: number; type: string }
> = {
  '01': {
    text: '设施缺失、破损、移位或功能异常，经核实属实',
    closure: '设施已修复、补齐或更换，功能恢复正常',
    urgency: 'normal',
    value: 3,
    type: 'work_day',
  },
  '02': {
    text: '交通设施缺失、破损、污损或功能异常，经核实属实',
    closure: '设施已修复或更换，功能恢复正常',
    urgency: 'normal',
    value: 3,
    type: 'work_day',
  },
  '03': {
    text: '环卫设施缺失、破损、满溢或功能异常，经核实属实',
    closure: '设施已修复、清理或更换，恢复正常使用',
    urgency: 'normal',
    value: 2,
    type: 'work_day',
  },
  '04': {
    text: '绿化设施或植物缺失、损毁、倒伏或病虫害，经核实属实',
    closure: '已补植、修复或处理，现场恢复正常',
    urgency: 'normal',
    value: 3,
    type: 'work_day',
  },
  '05': {
    text: '部件缺失、破损或功能异常，经核实属实',
    closure: '部件已修复或更换，功能恢复正常',
    urgency: 'normal',
    value: 5,
    type: 'work_day',
  },
  '06': {
    text: '影响市容环境卫生，经核实属实',
    closure: '已清理整治，现场整洁',
    urgency: 'normal',
    value: 1,
    type: 'work_day',
  },
  '07': {
    text: '违规设置或张贴宣传广告，经核实属实',
    closure: '违规广告已清除或整改，无明显痕迹',
    urgency: 'normal',
    value: 1,
    type: 'work_day',
  },
  '08': {
    text: '施工现场或施工行为违反管理规定，经核实属实',
    closure: '违规行为已制止并整改到位',
    urgency: 'normal',
    value: 2,
    type: 'work_day',
  },
  '09': {
    text: '影响街面秩序，经核实属实',
    closure: '违规行为已制止，街面秩序恢复',
    urgency: 'normal',
    value: 4,
    type: 'work_hour',
  },
  '10': {
    text: '经核实属实，属于本辖区管理范围',
    closure: '问题已处置，经核查恢复正常',
    urgency: 'normal',
    value: 5,
    type: 'work_day',
  },
  Z01: {
    text: '当事人求助或网格发现的纠纷，经核实属实，需调解处置',
    closure: '纠纷已调解，或已引导当事人通过法定途径解决',
    urgency: 'normal',
    value: 5,
    type: 'work_day',
  },
  Z02: {
    text: '发现的隐患线索，经核实属实',
    closure: '隐患已消除，或已移交主管部门并跟踪落实',
    urgency: 'normal',
    value: 2,
    type: 'work_day',
  },
  Z03: {
    text: '群众提出的求助或办事需求，属于受理范围',
    closure: '已办结或已答复群众',
    urgency: 'normal',
    value: 3,
    type: 'work_day',
  },
  Z04: {
    text: '群众反映的意见、诉求或投诉，属于受理范围',
    closure: '已处理并答复反映人',
    urgency: 'normal',
    value: 5,
    type: 'work_day',
  },
  Z05: {
    text: '发现的异常情况，经核实属实',
    closure: '已核查情况并落实管控或帮扶措施',
    urgency: 'normal',
    value: 1,
    type: 'work_day',
  },
  Z06: {
    text: '发生或可能发生的突发事件，需立即处置',
    closure: '险情已处置，现场安全，已按规定报告',
    urgency: 'urgent',
    value: 2,
    type: 'urgent_hour',
  },
};
const FALLBACK = MAJOR_DEFAULTS['10']!;

/** Frozen copy of docs/case-workflow.md §3.3's step defaults. */
const STEP_LIMITS = JSON.stringify({
  accept: { value: 1, type: 'work_hour' },
  verify: { value: 2, type: 'work_hour' },
  register: { value: 1, type: 'work_hour' },
  dispatch: { value: 1, type: 'work_hour' },
  acknowledge: { value: 1, type: 'work_hour' },
  feedback_review: { value: 1, type: 'work_hour' },
  check_dispatch: { value: 1, type: 'work_hour' },
  check: { value: 4, type: 'work_hour' },
  close: { value: 1, type: 'work_hour' },
});
// As the seed rows: valid for cases of any date.
const VALID_FROM = '2000-01-01T00:00:00.000Z';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('registration_conditions')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const now = new Date().toISOString();
  const minors = (await db
    .selectFrom('categories')
    .select(['code', 'parent_code', 'name'])
    .where('kind', 'in', ['matter', 'governance'])
    .where('level', '=', 'minor')
    .execute()) as { code: string; parent_code: string | null; name: string }[];
  const covered = new Set(
    (
      (await db
        .selectFrom('registration_conditions')
        .select('class_code')
        .where('area_code', 'is', null)
        .where('valid_from', '<=', now)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)]))
        .execute()) as { class_code: string }[]
    ).map((r) => r.class_code),
  );
  const rows = minors
    .filter((m) => !covered.has(m.code))
    .map((m) => {
      const d = MAJOR_DEFAULTS[m.parent_code ?? ''] ?? FALLBACK;
      const id = randomUUID();
      return {
        id,
        lineage_id: id,
        supersedes_id: null,
        class_code: m.code,
        text: `${m.name}：${d.text}`,
        closure_condition: d.closure,
        urgency: d.urgency,
        limit_value: d.value,
        limit_type: d.type,
        step_limits: STEP_LIMITS,
        yellow_card_at: null,
        red_card_at: null,
        area_code: null,
        valid_from: VALID_FROM,
        valid_to: null,
        created_at: now,
        is_default: 1,
      };
    });
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('registration_conditions')
      .values(rows.slice(i, i + 100))
      .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  // Every version of a default lineage goes; cases registered under one keep a dangling condition id.
  const lineages = db
    .selectFrom('registration_conditions')
    .select('lineage_id')
    .where('is_default', '=', 1);
  await db.deleteFrom('registration_conditions').where('lineage_id', 'in', lineages).execute();
  await db.schema.alterTable('registration_conditions').dropColumn('is_default').execute();
}
