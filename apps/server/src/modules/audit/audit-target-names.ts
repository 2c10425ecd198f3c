import type { CategoryKind } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import type { Needs } from '../../wiring';

/**
 * The names of one target type's records, as the viewer may see them: ids outside the viewer's area scope (or
 * unknown) are left out, and the page shows the type with "(范围外)". Each namer goes through the owning module's
 * service (its index.ts), never its tables.
 */
export type TargetNamer = (ids: string[], viewer: Actor) => Promise<Map<string, string>>;
export type TargetNamers = Readonly<Record<string, TargetNamer>>;

type NamerNeeds = Needs<
  'users' | 'areas' | 'departments' | 'population' | 'housing' | 'categories' | 'specialGroups'
>;

const deepest = (r: { gridCode: string | null; communityCode: string }) =>
  r.gridCode ?? r.communityCode;

/** The resolvers of the audit log's target types, wired with the services they read through. */
export function auditTargetNamers(needs: NamerNeeds): TargetNamers {
  return {
    user: (ids, viewer) => needs().users.namesFor(ids, viewer.scope),
    area: (ids, viewer) => needs().areas.namesFor(ids, viewer.scope),
    async department(ids, viewer) {
      const rows = await needs().departments.byIds(ids);
      return new Map(
        rows.filter((d) => inScope(viewer.scope, d.areaCode)).map((d) => [d.id, d.name]),
      );
    },
    // A person is named by the masked name lists show (张*): the audit page is no way around the registry's rules.
    async person(ids, viewer) {
      const rows = await needs().population.personRefs(ids);
      return new Map(
        rows.filter((p) => inScope(viewer.scope, deepest(p))).map((p) => [p.id, p.maskedName]),
      );
    },
    async house(ids, viewer) {
      const rows = await needs().housing.houseRefs(ids);
      return new Map(
        rows.filter((h) => inScope(viewer.scope, deepest(h))).map((h) => [h.id, h.fullAddress]),
      );
    },
    // Dictionaries are city-wide: every viewer may read their names.
    async role(ids) {
      const roles = await needs().users.listRoles();
      return new Map(roles.filter((r) => ids.includes(r.id)).map((r) => [r.id, r.name]));
    },
    async special_group(ids) {
      const { items } = await needs().specialGroups.groups.list();
      return new Map(items.filter((g) => ids.includes(g.code)).map((g) => [g.code, g.name]));
    },
    async category(ids) {
      // Category targets are `kind:code`; a configuration page changes a handful at a time.
      const out = new Map<string, string>();
      for (const id of ids) {
        const [kind, code] = id.split(':');
        if (!kind || !code) continue;
        const found = await needs()
          .categories.get(code, kind as CategoryKind)
          .catch(() => null);
        if (found) out.set(id, `${found.name}（${code}）`);
      }
      return out;
    },
  };
}
