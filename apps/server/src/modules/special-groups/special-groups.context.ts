import type { Kysely } from 'kysely';
import type { GridRole } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { referenceInScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import type { AuditService } from '../audit';
import { shanghaiDate } from '../calendar';
import { createSpecialGroupsRepo } from './special-groups.repo';
import { createVisitsRepo } from './visits.repo';
import type { AreaRefs } from '../areas';

/** A person of the population registry, as this module needs them (late-bound: no import of that module). */
export interface PersonRef {
  id: string;
  name: string;
  maskedName: string;
  houseId: string | null;
  adminCode: string;
  streetCode: string;
  communityCode: string;
  gridCode: string | null;
  status: string;
}

/** What the module asks of others; wired in createServices. */
export interface SpecialGroupsDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditService;
  personRefs(ids: string[]): Promise<PersonRef[]>;
  areaRefs: AreaRefs;
  /** Current staff of one grid with their grid roles (areas module), whoever asks. */
  gridStaff(gridCode: string): Promise<{ userId: string; role: GridRole }[]>;
  userNames(ids: string[]): Promise<Map<string, string>>;
  /** Attachments by id (attachments module), to check visit photos. */
  describeAttachments(ids: string[]): Promise<{ id: string; uploaderId: string | null }[]>;
}

/** State and small helpers shared by the dictionary, membership and visit parts of the module. */
export function createContext(deps: SpecialGroupsDeps) {
  return {
    deps,
    repo: createSpecialGroupsRepo(deps.db),
    visitsRepo: createVisitsRepo(deps.db),
    nowIso: () => deps.clock.now().toISOString(),
    /** Visits are planned in calendar days of the deployment's time (Asia/Shanghai). */
    today: () => shanghaiDate(deps.clock.now()),
    async personsById(ids: string[]): Promise<Map<string, PersonRef>> {
      const unique = [...new Set(ids)];
      return new Map(unique.length ? (await deps.personRefs(unique)).map((p) => [p.id, p]) : []);
    },
    /**
     * A person named by a request, resolved through the caller's scope: unknown and out-of-scope persons are the same
     * 404, so an empty answer never confirms that someone exists elsewhere. The registry's own rule: the grid, or the
     * community of a person placed without one.
     */
    async personInScope(actor: Actor, personId: string): Promise<PersonRef> {
      return referenceInScope(
        actor.scope,
        (await deps.personRefs([personId]))[0],
        (p) => p.gridCode ?? p.communityCode,
        '人员',
        'personId',
      );
    },
    async areaNames(codes: (string | null)[]): Promise<Map<string, string>> {
      const unique = [...new Set(codes.filter((c): c is string => Boolean(c)))];
      return new Map(
        unique.length ? (await deps.areaRefs(unique)).map((a) => [a.code, a.name]) : [],
      );
    },
    /** Who visits a grid's members: its 网格管理员, else its 网格长; null when the grid has neither. */
    async responsibleFor(gridCode: string | null): Promise<string | null> {
      if (!gridCode) return null;
      const staff = await deps.gridStaff(gridCode);
      return (
        (
          staff.find((s) => s.role === 'gridAdministrator') ??
          staff.find((s) => s.role === 'gridLeader')
        )?.userId ?? null
      );
    },
  };
}
export type SpecialGroupsContext = ReturnType<typeof createContext>;
