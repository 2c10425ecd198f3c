import { HOUSE_USES, HOUSE_USE_LABELS } from '../addresses/house-fields';
import {
  DATA_STATES,
  DATA_STATE_LABELS,
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_STATUS_LABELS,
  POPULATION_TYPES,
  POPULATION_TYPE_LABELS,
} from '../population/person-fields';
import {
  RESIDENT_FILE_KINDS,
  RESIDENT_FILE_KIND_LABELS,
} from '../resident-files/resident-files.schemas';
import {
  ATTENTION_LEVELS,
  ATTENTION_LEVEL_LABELS,
} from '../special-groups/special-groups.constants';
import { PLACE_TYPES, PLACE_TYPE_LABELS, UNIT_TYPES, UNIT_TYPE_LABELS } from '../units/unit-fields';
import type { RegistryFigures } from './registry-figures.schemas';

type Label = { zh: string; en: string };

/** The blocks of the figures, in the order the page and the sheet show them. */
export const FIGURE_SECTIONS = [
  'population',
  'houses',
  'units',
  'inspections',
  'special',
  'visits',
  'residentFiles',
] as const;
export type FigureSection = (typeof FIGURE_SECTIONS)[number];

export const FIGURE_SECTION_LABELS: Record<FigureSection, Label> = {
  population: { zh: '实有人口', en: 'Population' },
  houses: { zh: '实有房屋', en: 'Houses' },
  units: { zh: '实有单位与重点场所', en: 'Units and key places' },
  inspections: { zh: '巡查检查', en: 'Inspections' },
  special: { zh: '特殊人群', en: 'Special groups' },
  visits: { zh: '走访', en: 'Visits' },
  residentFiles: { zh: '民情档案', en: 'Resident files' },
};

/** One column: a count of one block, null when the viewer may not read that register. */
export interface FigureColumn {
  section: FigureSection;
  key: string;
  label: Label;
  value(f: RegistryFigures): number | null;
}

const col = (
  section: FigureSection,
  key: string,
  label: Label,
  value: (f: RegistryFigures) => number | null | undefined,
): FigureColumn => ({ section, key, label, value: (f) => value(f) ?? null });

const TOTAL = { zh: '合计', en: 'Total' };

/**
 * Every column of the figures, for the page's tables and the xlsx sheet alike. Special groups are data (a deployment
 * adds its own), so their columns come from the report itself.
 */
export function figureColumns(groups: { code: string; name: string }[]): FigureColumn[] {
  return [
    col('population', 'total', TOTAL, (f) => f.population?.total),
    ...POPULATION_TYPES.map((k) =>
      col('population', `type.${k}`, POPULATION_TYPE_LABELS[k], (f) => f.population?.byType[k]),
    ),
    ...HOUSEHOLD_STATUSES.map((k) =>
      col('population', `household.${k}`, HOUSEHOLD_STATUS_LABELS[k], (f) =>
        f.population ? f.population.byHouseholdStatus[k] : null,
      ),
    ),
    ...DATA_STATES.map((k) =>
      col('population', `data.${k}`, DATA_STATE_LABELS[k], (f) => f.population?.byDataState[k]),
    ),
    col('houses', 'total', TOTAL, (f) => f.houses?.total),
    col('houses', 'rentals', { zh: '出租房屋', en: 'Rentals' }, (f) => f.houses?.rentals),
    ...HOUSE_USES.map((k) =>
      col('houses', `use.${k}`, HOUSE_USE_LABELS[k], (f) => f.houses?.byUse[k]),
    ),
    col('units', 'total', { zh: '单位', en: 'Units' }, (f) => f.units?.total),
    col('units', 'keyUnits', { zh: '重点单位', en: 'Key units' }, (f) => f.units?.keyUnits),
    ...UNIT_TYPES.map((k) =>
      col('units', `type.${k}`, UNIT_TYPE_LABELS[k], (f) => f.units?.byType[k]),
    ),
    col('units', 'places', { zh: '重点场所', en: 'Key places' }, (f) => f.units?.places),
    ...PLACE_TYPES.map((k) =>
      col('units', `place.${k}`, PLACE_TYPE_LABELS[k], (f) => f.units?.placesByType[k]),
    ),
    col('inspections', 'due', { zh: '应检', en: 'Due' }, (f) => f.inspections?.due),
    col('inspections', 'overdue', { zh: '逾期未检', en: 'Overdue' }, (f) => f.inspections?.overdue),
    col('inspections', 'done', { zh: '已检', en: 'Done' }, (f) => f.inspections?.done),
    col(
      'inspections',
      'doneUnits',
      { zh: '其中单位', en: 'of units' },
      (f) => f.inspections?.doneUnits,
    ),
    col(
      'inspections',
      'donePlaces',
      { zh: '其中场所', en: 'of places' },
      (f) => f.inspections?.donePlaces,
    ),
    col('special', 'members', { zh: '在册人数', en: 'Members' }, (f) => f.special?.members),
    ...ATTENTION_LEVELS.map((k) =>
      col('special', `attention.${k}`, ATTENTION_LEVEL_LABELS[k], (f) => f.special?.byAttention[k]),
    ),
    ...groups.map((g) =>
      col('special', `group.${g.code}`, { zh: g.name, en: g.name }, (f) =>
        f.special ? (f.special.byGroup.find((x) => x.code === g.code)?.count ?? 0) : null,
      ),
    ),
    col('visits', 'due', { zh: '应访', en: 'Due' }, (f) => f.visits?.due),
    col('visits', 'done', { zh: '已访', en: 'Done' }, (f) => f.visits?.done),
    col('visits', 'overdue', { zh: '逾期未访', en: 'Overdue' }, (f) => f.visits?.overdue),
    col('visits', 'recorded', { zh: '走访记录', en: 'Visits recorded' }, (f) => f.visits?.recorded),
    col('residentFiles', 'total', TOTAL, (f) => f.residentFiles?.total),
    ...RESIDENT_FILE_KINDS.map((k) =>
      col(
        'residentFiles',
        `kind.${k}`,
        RESIDENT_FILE_KIND_LABELS[k],
        (f) => f.residentFiles?.byKind[k],
      ),
    ),
  ];
}
