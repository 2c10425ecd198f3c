import type { AreaCounts } from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import { notFound } from '../../core/errors';
import type { createAreasRepo } from './areas.repo';

/** The registers that own the numbers, each counting within the caller's scope (wired from their modules). */
export interface AreaCountSources {
  persons(actor: Actor, areaCode: string): Promise<number>;
  houses(actor: Actor, areaCode: string): Promise<number>;
  openCases(actor: Actor, areaCode: string): Promise<number>;
}

/**
 * The map's detail panel: how many people live in an area, its houses and its open cases. Each number is asked of
 * the module that owns it, only when the caller may read that register (a map viewer sees the area, not the counts).
 */
export function createAreaCounts(
  repo: ReturnType<typeof createAreasRepo>,
  sources: () => AreaCountSources,
) {
  return async function counts(actor: Actor, id: string): Promise<AreaCounts> {
    const row = await repo.findById(actor.scope, id);
    if (!row || row.valid_to) throw notFound('区域');
    const s = sources();
    const registry = can(actor, 'registry.read');
    const [persons, houses, openCases] = await Promise.all([
      registry ? s.persons(actor, row.code) : null,
      registry ? s.houses(actor, row.code) : null,
      can(actor, 'cases.read') ? s.openCases(actor, row.code) : null,
    ]);
    return { persons, houses, openCases };
  };
}
