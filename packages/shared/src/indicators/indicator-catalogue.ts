/**
 * The indicator catalogue (docs/indicators.md §2, §4, §7.2): every indicator the engine knows, with its labels,
 * unit, direction and the evaluation objects it applies to. The formulas are in the doc; this table is what the
 * UI, the schemes and the validation read.
 */
import type { CaseRole } from '../cases/case-actions';

/** 区域 / 部门 / 岗位 evaluation (docs/indicators.md §2). */
export const INDICATOR_OBJECTS = ['area', 'department', 'position'] as const;
export type IndicatorObject = (typeof INDICATOR_OBJECTS)[number];

export const INDICATOR_OBJECT_LABELS: Record<IndicatorObject, { zh: string; en: string }> = {
  area: { zh: '区域评价', en: 'Area' },
  department: { zh: '部门评价', en: 'Department' },
  position: { zh: '岗位评价', en: 'Position' },
};

/** The assessed positions. `inspector` stands for every field role (FIELD_ROLES): whoever patrols and reports. */
export const POSITIONS = ['inspector', 'intake_operator', 'shift_leader', 'dispatcher'] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS: Record<Position, { zh: string; en: string }> = {
  inspector: { zh: '监督员', en: 'Inspector' },
  intake_operator: { zh: '受理员', en: 'Intake operator' },
  shift_leader: { zh: '值班长', en: 'Shift leader' },
  dispatcher: { zh: '派遣员', en: 'Dispatcher' },
};

/** The `actor_role` values of events that count for each position. */
export const POSITION_ACTOR_ROLES: Record<Position, readonly CaseRole[]> = {
  inspector: ['inspector', 'grid_administrator', 'grid_supervisor'],
  intake_operator: ['intake_operator'],
  shift_leader: ['shift_leader'],
  dispatcher: ['dispatcher'],
};

/** `rate` is a fraction 0–1 (shown as a percentage); `hours` are working hours unless the doc says otherwise. */
export const INDICATOR_UNITS = ['count', 'rate', 'hours'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** `neutral`: a volume, neither good nor bad in itself. */
export const INDICATOR_DIRECTIONS = ['higher', 'lower', 'neutral'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_IDS = [
  // 监督员
  'reportCount',
  'validReportCount',
  'validReportRate',
  'missedReportCount',
  'missedReportRate',
  'verifyDue',
  'verifyOnTime',
  'verifyOnTimeRate',
  'checkDue',
  'checkOnTime',
  'checkOnTimeRate',
  'verifyDoneRate',
  'patrolCoverage',
  'gpsTimeouts',
  'selfHandledCount',
  // 受理员
  'intakeCount',
  'avgIntakeTime',
  'verifySendOnTimeRate',
  'checkSendOnTimeRate',
  // 值班长
  'registeredCount',
  'registerOnTimeRate',
  'registerAccuracyRate',
  'closeOnTimeRate',
  // 派遣员
  'dispatchDue',
  'dispatchCount',
  'dispatchOnTimeRate',
  'dispatchAccuracyRate',
  // departments and areas
  'handleDue',
  'handledCount',
  'handledOnTime',
  'handleOnTimeRate',
  'handledLateCount',
  'reworkCount',
  'reworkRate',
  'buckPassCount',
  'buckPassApproved',
  'buckPassRefused',
  'suspendedDuration',
  'closeDue',
  'closedCount',
  'closeRate',
  'closeInTimeRate',
  'avgHandleTime',
  'publicReportConfirmed',
  'publicReportRate',
  'satisfactionRate',
  'reopenRate',
  // 接诉即办 scheme (residents' and 12345 requests)
  'responseRate',
  'resolveRate',
  'requestSatisfactionRate',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDefinition {
  zh: string;
  en: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  objects: readonly IndicatorObject[];
  /** For `position` objects: which positions it is computed for. */
  positions: readonly Position[];
  /** False while the data it needs is not recorded (patrol tracks): always "—", left out of every 综合指标值. */
  built: boolean;
}

type Def = Omit<IndicatorDefinition, 'positions' | 'built'> & {
  positions?: readonly Position[];
  built?: boolean;
};
const d = (def: Def): IndicatorDefinition => ({ positions: [], built: true, ...def });

const A = 'area' as const;
const D = 'department' as const;
const P = 'position' as const;
const INS = ['inspector'] as const;
const INT = ['intake_operator'] as const;
const SHI = ['shift_leader'] as const;
const DIS = ['dispatcher'] as const;

// One line per indicator, read as a table.
// prettier-ignore
export const INDICATORS: Record<IndicatorId, IndicatorDefinition> = {
  reportCount: d({ zh: '上报数', en: 'Reports', unit: 'count', direction: 'neutral', objects: [A, P], positions: INS }),
  validReportCount: d({ zh: '有效上报数', en: 'Valid reports', unit: 'count', direction: 'higher', objects: [P], positions: INS }),
  validReportRate: d({ zh: '有效上报率', en: 'Valid report rate', unit: 'rate', direction: 'higher', objects: [P], positions: INS }),
  missedReportCount: d({ zh: '漏报数', en: 'Missed reports', unit: 'count', direction: 'lower', objects: [A, P], positions: INS }),
  missedReportRate: d({ zh: '漏报率', en: 'Missed report rate', unit: 'rate', direction: 'lower', objects: [A, P], positions: INS }),
  verifyDue: d({ zh: '应核实数', en: 'Verifications due', unit: 'count', direction: 'neutral', objects: [P], positions: INS }),
  verifyOnTime: d({ zh: '按时核实数', en: 'Verified on time', unit: 'count', direction: 'higher', objects: [P], positions: INS }),
  verifyOnTimeRate: d({ zh: '按时核实率', en: 'On-time verification rate', unit: 'rate', direction: 'higher', objects: [P], positions: INS }),
  checkDue: d({ zh: '应核查数', en: 'Checks due', unit: 'count', direction: 'neutral', objects: [P], positions: INS }),
  checkOnTime: d({ zh: '按时核查数', en: 'Checked on time', unit: 'count', direction: 'higher', objects: [P], positions: INS }),
  checkOnTimeRate: d({ zh: '按时核查率', en: 'On-time check rate', unit: 'rate', direction: 'higher', objects: [P], positions: INS }),
  verifyDoneRate: d({ zh: '核实核查完成率', en: 'Verification and check completion rate', unit: 'rate', direction: 'higher', objects: [P], positions: INS }),
  patrolCoverage: d({ zh: '区域覆盖率', en: 'Patrol coverage', unit: 'rate', direction: 'higher', objects: [P], positions: INS }),
  gpsTimeouts: d({ zh: 'GPS 超时次数', en: 'GPS timeouts', unit: 'count', direction: 'lower', objects: [P], positions: INS }),
  selfHandledCount: d({ zh: '自行处置数', en: 'Self-handled', unit: 'count', direction: 'higher', objects: [A, P], positions: INS }),

  intakeCount: d({ zh: '受理数', en: 'Intake decisions', unit: 'count', direction: 'neutral', objects: [A, P], positions: INT }),
  avgIntakeTime: d({ zh: '平均受理时长', en: 'Average intake time', unit: 'hours', direction: 'lower', objects: [A, P], positions: INT }),
  verifySendOnTimeRate: d({ zh: '核实按时派发率', en: 'Verification sent on time', unit: 'rate', direction: 'higher', objects: [P], positions: INT }),
  checkSendOnTimeRate: d({ zh: '核查按时派发率', en: 'Check sent on time', unit: 'rate', direction: 'higher', objects: [P], positions: INT }),

  registeredCount: d({ zh: '立案数', en: 'Registered', unit: 'count', direction: 'neutral', objects: [A, D, P], positions: SHI }),
  registerOnTimeRate: d({ zh: '按时立案率', en: 'On-time registration rate', unit: 'rate', direction: 'higher', objects: [P], positions: SHI }),
  registerAccuracyRate: d({ zh: '准确立案率', en: 'Registration accuracy', unit: 'rate', direction: 'higher', objects: [P], positions: SHI }),
  closeOnTimeRate: d({ zh: '按时结案率', en: 'On-time closing rate', unit: 'rate', direction: 'higher', objects: [P], positions: SHI }),

  dispatchDue: d({ zh: '应派遣数', en: 'Dispatches due', unit: 'count', direction: 'neutral', objects: [A, P], positions: DIS }),
  dispatchCount: d({ zh: '派遣数', en: 'Dispatches', unit: 'count', direction: 'neutral', objects: [P], positions: DIS }),
  dispatchOnTimeRate: d({ zh: '按时派遣率', en: 'On-time dispatch rate', unit: 'rate', direction: 'higher', objects: [P], positions: DIS }),
  dispatchAccuracyRate: d({ zh: '准确派遣率', en: 'Dispatch accuracy', unit: 'rate', direction: 'higher', objects: [P], positions: DIS }),

  handleDue: d({ zh: '应处置数', en: 'Tasks due', unit: 'count', direction: 'neutral', objects: [D] }),
  handledCount: d({ zh: '处置数', en: 'Tasks handled', unit: 'count', direction: 'neutral', objects: [D] }),
  handledOnTime: d({ zh: '按时处置数', en: 'Handled on time', unit: 'count', direction: 'higher', objects: [D] }),
  handleOnTimeRate: d({ zh: '按时处置率', en: 'On-time handling rate', unit: 'rate', direction: 'higher', objects: [D, A] }),
  handledLateCount: d({ zh: '超期处置数', en: 'Handled late', unit: 'count', direction: 'lower', objects: [D] }),
  reworkCount: d({ zh: '返工数', en: 'Rework', unit: 'count', direction: 'lower', objects: [D] }),
  reworkRate: d({ zh: '返工率', en: 'Rework rate', unit: 'rate', direction: 'lower', objects: [D] }),
  buckPassCount: d({ zh: '推诿数', en: 'Send-backs', unit: 'count', direction: 'lower', objects: [D] }),
  buckPassApproved: d({ zh: '推诿数（同意回退）', en: 'Send-backs approved', unit: 'count', direction: 'lower', objects: [D] }),
  buckPassRefused: d({ zh: '推诿数（不同意回退）', en: 'Send-backs refused', unit: 'count', direction: 'lower', objects: [D] }),
  suspendedDuration: d({ zh: '挂账时长', en: 'Time suspended', unit: 'hours', direction: 'lower', objects: [D] }),
  closeDue: d({ zh: '应结案数', en: 'Closings due', unit: 'count', direction: 'neutral', objects: [A, D] }),
  closedCount: d({ zh: '结案数', en: 'Closed', unit: 'count', direction: 'higher', objects: [A, D] }),
  closeRate: d({ zh: '结案率', en: 'Closing rate', unit: 'rate', direction: 'higher', objects: [A, D] }),
  closeInTimeRate: d({ zh: '按期结案率', en: 'Closed within deadline', unit: 'rate', direction: 'higher', objects: [A, D] }),
  avgHandleTime: d({ zh: '平均处置时长', en: 'Average handling time', unit: 'hours', direction: 'lower', objects: [D, A] }),
  publicReportConfirmed: d({ zh: '监督举报核实数', en: 'Public reports confirmed', unit: 'count', direction: 'neutral', objects: [A] }),
  publicReportRate: d({ zh: '监督举报率', en: 'Public report rate', unit: 'rate', direction: 'lower', objects: [A] }),
  satisfactionRate: d({ zh: '满意率', en: 'Satisfaction rate', unit: 'rate', direction: 'higher', objects: [A, D] }),
  reopenRate: d({ zh: '重开率', en: 'Reopen rate', unit: 'rate', direction: 'lower', objects: [A, D] }),

  responseRate: d({ zh: '响应率', en: 'Response rate', unit: 'rate', direction: 'higher', objects: [A, D] }),
  resolveRate: d({ zh: '解决率', en: 'Resolution rate', unit: 'rate', direction: 'higher', objects: [A, D] }),
  requestSatisfactionRate: d({ zh: '满意率（诉求）', en: 'Request satisfaction rate', unit: 'rate', direction: 'higher', objects: [A, D] }),
};

export function isIndicatorId(value: string): value is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(value);
}

/** Whether an indicator is computed for an object (and, for positions, for that position). */
export function appliesTo(id: IndicatorId, object: IndicatorObject, position?: Position): boolean {
  const def = INDICATORS[id];
  if (!def.objects.includes(object)) return false;
  return object !== 'position' || position === undefined || def.positions.includes(position);
}

/** The indicators computed for an object, in catalogue order. */
export function indicatorsFor(object: IndicatorObject, position?: Position): IndicatorId[] {
  return INDICATOR_IDS.filter((id) => appliesTo(id, object, position));
}
