/**
 * Indicator engine (监督考核, docs/indicators.md): every case's log flattened into facts on write, figures counted
 * from them for any period, area, department or person, with 综合指标值, ranks, 环比/同比 and drill-downs.
 * computeCaseLoop is the pure recomputation from the log the facts are tested against.
 */
export { computeCaseLoop, CASE_LOOP_INDICATORS } from './indicator-compute';
export { indicatorsModule, type IndicatorsApi } from './indicators.module';
export type {
  CaseLoopIndicator,
  ComputeOptions,
  Figure,
  IndicatorTarget,
} from './indicator-compute';
export type { IndicatorCase, IndicatorEvent, Ref } from './indicator-timeline';
