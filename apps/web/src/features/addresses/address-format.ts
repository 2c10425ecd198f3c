import {
  ADDRESS_LEVEL_LABELS,
  BUILDING_STRUCTURE_LABELS,
  BUILDING_USE_LABELS,
  HOUSE_OWNERSHIP_LABELS,
  HOUSE_USE_LABELS,
  RENT_PURPOSE_LABELS,
  type AddressLevel,
  type HouseUse,
} from '@wangge/shared';
import { labelOf, type Lang } from '../../lib/i18n';
import { PATHS } from '../../app/paths';

export const levelLabel = (level: AddressLevel, lang: Lang) =>
  labelOf(ADDRESS_LEVEL_LABELS, level, lang);

/** Options of a select over one of the shared { zh, en } label tables, in the table's order. */
export function optionsOf<K extends string>(
  table: Record<K, { zh: string; en: string }>,
  lang: Lang,
) {
  return (Object.keys(table) as K[]).map((value) => ({
    value,
    label: labelOf(table, value, lang),
  }));
}

export const LABELS = {
  use: HOUSE_USE_LABELS,
  ownership: HOUSE_OWNERSHIP_LABELS,
  rentPurpose: RENT_PURPOSE_LABELS,
  structure: BUILDING_STRUCTURE_LABELS,
  buildingUse: BUILDING_USE_LABELS,
} as const;

/** Tag colours: rented houses are the ones grid staff follow up (出租房). */
export const USE_COLORS: Record<HouseUse, string> = {
  self_occupied: 'green',
  rented: 'orange',
  vacant: 'default',
  commercial: 'blue',
  mixed: 'purple',
  other: 'default',
};

export const LEVEL_COLORS: Record<AddressLevel, string> = {
  street_lane: 'geekblue',
  door_plate: 'blue',
  compound: 'cyan',
  building: 'green',
  entrance: 'lime',
  floor: 'gold',
  room: 'orange',
};

export const housePath = (id: string) => PATHS.houseDetail.replace(':id', encodeURIComponent(id));

/** The address page opened on one node. */
export const addressNodePath = (id: string) => `${PATHS.addresses}?node=${encodeURIComponent(id)}`;
