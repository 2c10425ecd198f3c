import type { Fact } from './indicator-facts';
import type { RollupRow } from './indicator-rollups';

/** Indicator facts (indicator-facts.ts): one case's log flattened for counting, rewritten with every event. */
export type IndicatorFactsTable = Fact;

/** A published (frozen) period: its facts are copied to indicator_snapshot_facts (docs/indicators.md §6). */
export interface IndicatorPublicationsTable {
  id: string;
  period_type: string;
  period_key: string;
  /** 1 for the first publication, +1 for each recompute. */
  version: number;
  /** When the figures were taken: the due-type facts count up to here. */
  as_of: string;
  published_by: string | null;
  /** A recompute's reason. */
  reason: string | null;
  /** JSON: the assessment schemes in force when published. */
  schemes: string;
  fact_count: number;
  /** Set when a recompute replaced this version; it stays readable. */
  superseded_at: string | null;
}

export type IndicatorSnapshotFactsTable = Fact & { publication_id: string };

/** Facts counted by month, community and the columns the rules test (indicator-rollups.ts), kept on write. */
export type IndicatorRollupsTable = RollupRow;
/** A publication's rollups, counted once from its frozen facts. */
export type IndicatorSnapshotRollupsTable = RollupRow & { publication_id: string };

/** Schemes an administrator edited (a built-in one until then); every change is a new version. */
export interface AssessmentSchemesTable {
  code: string;
  version: number;
  /** JSON AssessmentScheme */
  scheme: string;
  changed_by: string | null;
  changed_at: string;
}

export interface IndicatorsTables {
  indicator_facts: IndicatorFactsTable;
  indicator_publications: IndicatorPublicationsTable;
  indicator_snapshot_facts: IndicatorSnapshotFactsTable;
  indicator_rollups: IndicatorRollupsTable;
  indicator_snapshot_rollups: IndicatorSnapshotRollupsTable;
  assessment_schemes: AssessmentSchemesTable;
}
