/**
 * Assessment schemes (docs/indicators.md §7): the components and weights of each 综合指标值, count→score bands
 * and grade bands. Two are built in: `default` (the position weights quoted with the national standard, local
 * placeholders for departments and areas) and `hotline` (接诉即办-style 响应率, 解决率, 满意率).
 */
import type { CaseSource } from '../cases/case-states';
import type { IndicatorId, Position } from './indicator-catalogue';

/** What a 综合指标值 is computed for: one of the positions, a department or an area. */
export const SCHEME_TARGETS = [
  'inspector',
  'intake_operator',
  'shift_leader',
  'dispatcher',
  'department',
  'area',
] as const satisfies readonly (Position | 'department' | 'area')[];
export type SchemeTarget = (typeof SCHEME_TARGETS)[number];

/**
 * A count turned into a 0–100 score: the first band whose `above` the count exceeds gives its score; a count in
 * no band scores `count × belowPerCount` (capped at 100).
 */
export interface CountBands {
  bands: readonly { above: number; score: number }[];
  belowPerCount: number;
}

/** `rate`: rate × 100; `inverseRate`: 100 − rate × 100 (lower is better); `countBands`: a count scored by bands. */
export type ComponentConversion =
  | { type: 'rate' }
  | { type: 'inverseRate' }
  | { type: 'countBands'; bands: CountBands };

export interface SchemeComponent {
  indicator: IndicatorId;
  /** Percent; a target's weights sum to 100. */
  weight: number;
  conversion: ComponentConversion;
}

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** A value at or above `min` (and below the band above) gets `grade`; bands run from the highest down to 0. */
export interface GradeBand {
  grade: Grade;
  min: number;
}

export type DispatchAccuracyVariant = 'rework' | 'redirect';

export interface AssessmentScheme {
  code: string;
  zh: string;
  en: string;
  targets: Partial<Record<SchemeTarget, readonly SchemeComponent[]>>;
  grades: readonly GradeBand[];
  /** 准确派遣率: cases with a 返工 dispatch (products) or with a dispatch to a second department (错误派遣). */
  dispatchAccuracyVariant: DispatchAccuracyVariant;
  /** Sources whose confirmed, unreported cases count as 漏报. */
  missedReportSources: readonly CaseSource[];
  /** Sources counted as residents' requests (接诉即办 figures). */
  requestSources: readonly CaseSource[];
}

/** 受理数分值 (and, as a placeholder, 派遣数分值): >2000 → 100 … 301–500 → 60; ≤300 → count ÷ 5 (placeholder). */
export const DEFAULT_COUNT_BANDS: CountBands = {
  bands: [
    { above: 2000, score: 100 },
    { above: 1200, score: 90 },
    { above: 500, score: 75 },
    { above: 300, score: 60 },
  ],
  belowPerCount: 0.2,
};

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 75 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 40 },
  { grade: 'E', min: 0 },
];

const rate = (indicator: IndicatorId, weight: number): SchemeComponent => ({
  indicator,
  weight,
  conversion: { type: 'rate' },
});
const inverse = (indicator: IndicatorId, weight: number): SchemeComponent => ({
  indicator,
  weight,
  conversion: { type: 'inverseRate' },
});
const banded = (indicator: IndicatorId, weight: number): SchemeComponent => ({
  indicator,
  weight,
  conversion: { type: 'countBands', bands: DEFAULT_COUNT_BANDS },
});

export const DEFAULT_SCHEME: AssessmentScheme = {
  code: 'default',
  zh: '综合评价（默认）',
  en: 'Assessment (default)',
  targets: {
    inspector: [
      rate('validReportRate', 40),
      // 漏报率分值 = 100 × (1 − 漏报率): a placeholder, no official conversion is known.
      inverse('missedReportRate', 20),
      rate('verifyOnTimeRate', 20),
      rate('checkOnTimeRate', 20),
    ],
    intake_operator: [
      banded('intakeCount', 25),
      rate('verifySendOnTimeRate', 40),
      rate('checkSendOnTimeRate', 35),
    ],
    shift_leader: [
      rate('registerOnTimeRate', 25),
      rate('registerAccuracyRate', 40),
      rate('closeOnTimeRate', 35),
    ],
    dispatcher: [
      banded('dispatchCount', 20),
      rate('dispatchOnTimeRate', 40),
      rate('dispatchAccuracyRate', 40),
    ],
    // No authoritative weights are known for departments and areas: local placeholders.
    department: [rate('handleOnTimeRate', 40), rate('closeRate', 30), inverse('reworkRate', 30)],
    area: [rate('closeInTimeRate', 40), rate('closeRate', 30), inverse('publicReportRate', 30)],
  },
  grades: DEFAULT_GRADE_BANDS,
  dispatchAccuracyVariant: 'rework',
  missedReportSources: ['public', 'open311', 'hotline_12345', 'leader'],
  requestSources: ['public', 'open311', 'hotline_12345', 'staff_entry'],
};

/** 接诉即办-style assessment of residents' and 12345 requests, per street and department (placeholder weights). */
export const HOTLINE_SCHEME: AssessmentScheme = {
  code: 'hotline',
  zh: '接诉即办考评',
  en: 'Request handling (12345 style)',
  targets: {
    area: [rate('responseRate', 10), rate('resolveRate', 45), rate('requestSatisfactionRate', 45)],
    department: [
      rate('responseRate', 10),
      rate('resolveRate', 45),
      rate('requestSatisfactionRate', 45),
    ],
  },
  grades: DEFAULT_GRADE_BANDS,
  dispatchAccuracyVariant: 'rework',
  missedReportSources: ['public', 'open311', 'hotline_12345', 'leader'],
  requestSources: ['public', 'open311', 'hotline_12345', 'staff_entry'],
};

export const BUILTIN_SCHEMES: readonly AssessmentScheme[] = [DEFAULT_SCHEME, HOTLINE_SCHEME];
