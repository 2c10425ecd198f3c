import {
  ATTENTION_LEVELS,
  DATA_STATES,
  HOUSE_USES,
  HOUSEHOLD_STATUSES,
  PLACE_TYPES,
  POPULATION_TYPES,
  RENTAL_HOUSE_USES,
  RESIDENT_FILE_KINDS,
  UNIT_TYPES,
  type RegistryFigures,
} from '@wangge/shared';
import type { CountRow } from '../../core/db/grouped-counts';

/** Every count the registries gave for one request, as rows per (area, value); null where not allowed. */
export interface FigureSources {
  population: {
    populationType: CountRow[];
    householdStatus: CountRow[];
    dataState: CountRow[];
  } | null;
  houses: CountRow[] | null;
  units: {
    unitType: CountRow[];
    keyUnits: CountRow[];
    placeType: CountRow[];
    inspectionsDue: CountRow[];
    inspectionsOverdue: CountRow[];
    inspectionsDone: CountRow[];
  } | null;
  special: { group: CountRow[]; attention: CountRow[]; groupNames: Map<string, string> } | null;
  visits: { due: CountRow[]; done: CountRow[]; overdue: CountRow[]; recorded: CountRow[] } | null;
  residentFiles: CountRow[] | null;
}

type Pick = (area: string | null) => boolean;

const sum = (rows: CountRow[], pick: Pick, key?: (k: string | null) => boolean) =>
  rows.reduce((t, r) => (pick(r.area) && (!key || key(r.key)) ? t + r.n : t), 0);

/** A record of every value of a closed list, counted; values outside the list are left out (never expected). */
function byKey<K extends string>(keys: readonly K[], rows: CountRow[], pick: Pick, nullAs?: K) {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) {
    if (!pick(r.area)) continue;
    const k = (r.key ?? nullAs) as K | undefined;
    if (k !== undefined && k in out) out[k] += r.n;
  }
  return out;
}

/**
 * The figures of the rows `pick` keeps: one area of the grouping, or all of them for the totals. Pure, so the
 * totals are the sum of the rows by construction.
 */
export function assembleFigures(s: FigureSources, pick: Pick): RegistryFigures {
  const p = s.population;
  const u = s.units;
  const sp = s.special;
  return {
    population: p && {
      total: sum(p.populationType, pick),
      byType: byKey(POPULATION_TYPES, p.populationType, pick),
      byHouseholdStatus: byKey([...HOUSEHOLD_STATUSES, 'unset'], p.householdStatus, pick, 'unset'),
      byDataState: byKey(DATA_STATES, p.dataState, pick),
    },
    houses: s.houses && {
      total: sum(s.houses, pick),
      rentals: sum(s.houses, pick, (k) =>
        (RENTAL_HOUSE_USES as readonly (string | null)[]).includes(k),
      ),
      byUse: byKey(HOUSE_USES, s.houses, pick),
    },
    units: u && {
      total: sum(u.unitType, pick),
      keyUnits: sum(u.keyUnits, pick, (k) => k === '1'),
      byType: byKey(UNIT_TYPES, u.unitType, pick),
      places: sum(u.placeType, pick),
      placesByType: byKey(PLACE_TYPES, u.placeType, pick),
    },
    inspections: u && {
      due: sum(u.inspectionsDue, pick),
      overdue: sum(u.inspectionsOverdue, pick),
      done: sum(u.inspectionsDone, pick),
      doneUnits: sum(u.inspectionsDone, pick, (k) => k === 'unit'),
      donePlaces: sum(u.inspectionsDone, pick, (k) => k === 'place'),
    },
    special: sp && {
      members: sum(sp.attention, pick),
      byGroup: [...sp.groupNames].map(([code, name]) => ({
        code,
        name,
        count: sum(sp.group, pick, (k) => k === code),
      })),
      byAttention: byKey(ATTENTION_LEVELS, sp.attention, pick),
    },
    visits: s.visits && {
      due: sum(s.visits.due, pick),
      done: sum(s.visits.done, pick),
      overdue: sum(s.visits.overdue, pick),
      recorded: sum(s.visits.recorded, pick),
    },
    residentFiles: s.residentFiles && {
      total: sum(s.residentFiles, pick),
      byKind: byKey(RESIDENT_FILE_KINDS, s.residentFiles, pick),
    },
  };
}

/** The areas the rows name, in code order; records without a code of that level (no grid yet) last. */
export function areasOf(s: FigureSources): (string | null)[] {
  const all = [
    ...(s.population ? [...s.population.populationType] : []),
    ...(s.houses ?? []),
    ...(s.units
      ? [
          ...s.units.unitType,
          ...s.units.placeType,
          ...s.units.inspectionsDue,
          ...s.units.inspectionsDone,
        ]
      : []),
    ...(s.special ? s.special.attention : []),
    ...(s.visits ? [...s.visits.due, ...s.visits.recorded] : []),
    ...(s.residentFiles ?? []),
  ];
  const codes = [...new Set(all.map((r) => r.area))];
  return codes.sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}
