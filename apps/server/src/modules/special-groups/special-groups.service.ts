import { createGroupDictionary } from './group-dictionary';
import { createMemberships } from './memberships.service';
import { createContext, type SpecialGroupsDeps } from './special-groups.context';
import { createSpecialGroupsFigures } from './special-groups-figures';
import { createVisits } from './visits.service';

/**
 * 特殊人群 and 重点青少年: the group dictionary, memberships (S3, sealed at rest) and the visits generated from each
 * group's schedule. Three parts sharing one context, so each file stays about one thing.
 */
export function createSpecialGroupsService(deps: SpecialGroupsDeps) {
  const ctx = createContext(deps);
  const groups = createGroupDictionary(ctx);
  const visits = createVisits(ctx, groups);
  const memberships = createMemberships(ctx, groups, visits);
  return {
    groups,
    memberships,
    visits,
    /** Counts for the registry figures and the visit tasks behind them (scope narrowed by the caller). */
    figures: createSpecialGroupsFigures(ctx, groups, visits),
    /** Re-reads a person's area codes onto their memberships and open visit tasks (after a move). */
    refreshScope: (personId: string) => memberships.refreshScope(personId),
    /** Whether a visit the actor may see shows this attachment (for the attachments module's canView). */
    canViewAttachment: visits.canViewAttachment,
  };
}
export type SpecialGroupsService = ReturnType<typeof createSpecialGroupsService>;
