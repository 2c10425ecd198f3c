/**
 * Indicator engine (docs/indicators.md). For now the pure computation only: the case-loop figures of one area or
 * department from case events. Queries, schemes, publication and routes come next.
 */
export { computeCaseLoop, CASE_LOOP_INDICATORS } from './indicator-compute';
export type {
  CaseLoopIndicator,
  ComputeOptions,
  Figure,
  IndicatorTarget,
} from './indicator-compute';
export type { IndicatorCase, IndicatorEvent, Ref } from './indicator-timeline';
