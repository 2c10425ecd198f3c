import { DEFAULT_STEP_LIMITS, type Limit, type Urgency } from '@wangge/shared';
import { newId } from '../../core/ids';
import type { RegistrationConditionsTable } from './categories.tables';

/**
 * The generic 立结案标准 of each 大类: what a 小类 without a condition of its own starts from (docs/case-workflow.md
 * §3.1). LOCAL STARTING VALUES, like the seeded examples: administrators edit each class's default on the
 * 立结案标准 page. The 2026-12-08T1100 migration holds a frozen copy that gave existing classes their defaults;
 * this one gives them to a 小类 created later.
 */
const MAJOR_DEFAULTS: Record<
  string,
  { text: string; closure: string; urgency: Urgency; limit: Limit }
> = {
  '01': {
    text: '设施缺失、破损、移位或功能异常，经核实属实',
    closure: '设施已修复、补齐或更换，功能恢复正常',
    urgency: 'normal',
    limit: { value: 3, type: 'work_day' },
  },
  '02': {
    text: '交通设施缺失、破损、污损或功能异常，经核实属实',
    closure: '设施已修复或更换，功能恢复正常',
    urgency: 'normal',
    limit: { value: 3, type: 'work_day' },
  },
  '03': {
    text: '环卫设施缺失、破损、满溢或功能异常，经核实属实',
    closure: '设施已修复、清理或更换，恢复正常使用',
    urgency: 'normal',
    limit: { value: 2, type: 'work_day' },
  },
  '04': {
    text: '绿化设施或植物缺失、损毁、倒伏或病虫害，经核实属实',
    closure: '已补植、修复或处理，现场恢复正常',
    urgency: 'normal',
    limit: { value: 3, type: 'work_day' },
  },
  '05': {
    text: '部件缺失、破损或功能异常，经核实属实',
    closure: '部件已修复或更换，功能恢复正常',
    urgency: 'normal',
    limit: { value: 5, type: 'work_day' },
  },
  '06': {
    text: '影响市容环境卫生，经核实属实',
    closure: '已清理整治，现场整洁',
    urgency: 'normal',
    limit: { value: 1, type: 'work_day' },
  },
  '07': {
    text: '违规设置或张贴宣传广告，经核实属实',
    closure: '违规广告已清除或整改，无明显痕迹',
    urgency: 'normal',
    limit: { value: 1, type: 'work_day' },
  },
  '08': {
    text: '施工现场或施工行为违反管理规定，经核实属实',
    closure: '违规行为已制止并整改到位',
    urgency: 'normal',
    limit: { value: 2, type: 'work_day' },
  },
  '09': {
    text: '影响街面秩序，经核实属实',
    closure: '违规行为已制止，街面秩序恢复',
    urgency: 'normal',
    limit: { value: 4, type: 'work_hour' },
  },
  '10': {
    text: '经核实属实，属于本辖区管理范围',
    closure: '问题已处置，经核查恢复正常',
    urgency: 'normal',
    limit: { value: 5, type: 'work_day' },
  },
  Z01: {
    text: '当事人求助或网格发现的纠纷，经核实属实，需调解处置',
    closure: '纠纷已调解，或已引导当事人通过法定途径解决',
    urgency: 'normal',
    limit: { value: 5, type: 'work_day' },
  },
  Z02: {
    text: '发现的隐患线索，经核实属实',
    closure: '隐患已消除，或已移交主管部门并跟踪落实',
    urgency: 'normal',
    limit: { value: 2, type: 'work_day' },
  },
  Z03: {
    text: '群众提出的求助或办事需求，属于受理范围',
    closure: '已办结或已答复群众',
    urgency: 'normal',
    limit: { value: 3, type: 'work_day' },
  },
  Z04: {
    text: '群众反映的意见、诉求或投诉，属于受理范围',
    closure: '已处理并答复反映人',
    urgency: 'normal',
    limit: { value: 5, type: 'work_day' },
  },
  Z05: {
    text: '发现的异常情况，经核实属实',
    closure: '已核查情况并落实管控或帮扶措施',
    urgency: 'normal',
    limit: { value: 1, type: 'work_day' },
  },
  Z06: {
    text: '发生或可能发生的突发事件，需立即处置',
    closure: '险情已处置，现场安全，已按规定报告',
    urgency: 'urgent',
    limit: { value: 2, type: 'urgent_hour' },
  },
};
// A 大类 added to the dictionary later (none can be today) takes the 其他事项 row.
const FALLBACK = MAJOR_DEFAULTS['10']!;

/** The default row of a new 小类 `code` named `name` under the 大类 `majorCode`, valid from `now`. */
export function defaultConditionRow(
  cls: { code: string; name: string; majorCode: string },
  now: string,
): RegistrationConditionsTable {
  const d = MAJOR_DEFAULTS[cls.majorCode] ?? FALLBACK;
  const id = newId();
  return {
    id,
    lineage_id: id,
    supersedes_id: null,
    class_code: cls.code,
    text: `${cls.name}：${d.text}`,
    closure_condition: d.closure,
    urgency: d.urgency,
    limit_value: d.limit.value,
    limit_type: d.limit.type,
    step_limits: JSON.stringify(DEFAULT_STEP_LIMITS),
    yellow_card_at: null,
    red_card_at: null,
    area_code: null,
    is_default: 1,
    valid_from: now,
    valid_to: null,
    created_at: now,
  };
}
