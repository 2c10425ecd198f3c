/**
 * 区域覆盖率 and GPS 超时次数 are not counted over the case facts: the patrols module computes them from the tracks
 * (docs/indicators.md §4.1). Their rows only mark them, so the service routes them to its `patrolFigures` dep; they
 * have no drill-down and no place in a ranking of people.
 */
import type { IndicatorId } from '@wangge/shared';
import type { Rule } from './indicator-rules';

export type PatrolRule = Rule & { patrol: 'patrolCoverage' | 'gpsTimeouts' };

export const PATROL_RULES: Partial<Record<IndicatorId, PatrolRule>> = {
  patrolCoverage: { kinds: [], value: 'rate', patrol: 'patrolCoverage' },
  gpsTimeouts: { kinds: [], value: 'count', patrol: 'gpsTimeouts' },
};

export const isPatrolRule = (r: Rule | undefined): r is PatrolRule => !!r && 'patrol' in r;
