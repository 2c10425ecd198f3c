import type { Fact } from './indicator-facts';

/** Indicator facts (indicator-facts.ts): one case's log flattened for counting, rewritten with every event. */
export type IndicatorFactsTable = Fact;

export interface IndicatorsTables {
  indicator_facts: IndicatorFactsTable;
}
