/** 红黄绿灯 of a step or a case (docs/case-workflow.md §3.4). */
export type Light = 'green' | 'yellow' | 'red';

/** Automatic 督办 raised by an overrun; normal 督办 is raised by hand and never comes from here. */
export type CardLevel = 'none' | 'yellow' | 'red';

export interface CardThresholds {
  /** Ratio the step must pass for a yellow card; default 1.0 (100 % of the step limit). */
  yellowAt?: number;
  /** Ratio the step must pass for a red card; default 2.0 (200 %, a placeholder). */
  redAt?: number;
}

/** The light turns yellow at this share of the limit. */
export const YELLOW_LIGHT_AT = 0.8;
export const DEFAULT_YELLOW_CARD_AT = 1.0;
export const DEFAULT_RED_CARD_AT = 2.0;

// Elapsed time arrives as whole milliseconds divided into hours or days, so a ratio that is exactly 80 % can
// come out as 0.7999999999999999 (5.6 h of 7 h). Ratios closer than this to a threshold count as on it; it is
// far below one millisecond of any real limit, so it never hides a genuine difference.
const EPSILON = 1e-9;

/** elapsed / limit, both in the limit's unit. Work queues sort by it. */
export function limitRatio(elapsed: number, limit: number): number {
  if (!Number.isFinite(limit) || limit <= 0)
    throw new RangeError(`limit must be a positive number, got ${limit}`);
  if (!Number.isFinite(elapsed))
    throw new RangeError(`elapsed must be a finite number, got ${elapsed}`);
  return elapsed / limit;
}

/** Green below 80 % of the limit, yellow from 80 % to 100 % inclusive, red when overdue (above 100 %). */
export function light(elapsed: number, limit: number): Light {
  const ratio = limitRatio(elapsed, limit);
  if (ratio > 1 + EPSILON) return 'red';
  return ratio >= YELLOW_LIGHT_AT - EPSILON ? 'yellow' : 'green';
}

/**
 * The automatic 督办 card a ratio calls for. A card is raised once the ratio *passes* its threshold, the way
 * "overdue" means passing 100 %: a step finished exactly on its deadline gets no card. The thresholds come from
 * the 立结案标准 row when it sets them.
 */
export function cardLevel(ratio: number, thresholds: CardThresholds = {}): CardLevel {
  const yellowAt = thresholds.yellowAt ?? DEFAULT_YELLOW_CARD_AT;
  const redAt = thresholds.redAt ?? DEFAULT_RED_CARD_AT;
  if (!(Number.isFinite(yellowAt) && yellowAt > 0 && Number.isFinite(redAt) && redAt >= yellowAt)) {
    throw new RangeError(`card thresholds need 0 < yellowAt ≤ redAt, got ${yellowAt} and ${redAt}`);
  }
  if (!Number.isFinite(ratio)) throw new RangeError(`ratio must be a finite number, got ${ratio}`);
  if (ratio > redAt + EPSILON) return 'red';
  return ratio > yellowAt + EPSILON ? 'yellow' : 'none';
}
