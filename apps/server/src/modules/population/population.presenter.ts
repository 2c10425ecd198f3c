import {
  maskName,
  PersonDetailsSchema,
  type DataState,
  type HouseholderRelation,
  type HouseholdStatus,
  type HouseResident,
  type Person,
  type PersonDetails,
  type PersonEvent,
  type PersonEventAction,
  type PersonGender,
  type PersonIdType,
  type PersonListItem,
  type PersonStatus,
  type PopulationType,
  type ResidenceEntry,
  type ResidenceType,
} from '@wangge/shared';
import type { AreaScope } from '../../core/auth/area-scope';
import { parseJsonObject, visibleTo } from './person-model';
import type { PersonEventsTable, PersonsTable, ResidencesTable } from './population.tables';

// Responses carry only the stored masks and the birth year: presenting a record never decrypts.

/** Area names shown beside codes, looked up once per page. */
export type AreaNames = (code: string | null) => string | null;

function details(text: string): PersonDetails {
  const parsed = PersonDetailsSchema.safeParse(parseJsonObject(text));
  return parsed.success ? parsed.data : {};
}

export function presentListItem(r: PersonsTable, names: AreaNames): PersonListItem {
  return {
    id: r.id,
    name: maskName(r.name),
    gender: r.gender as PersonGender | null,
    birthYear: r.birth_year,
    idType: r.id_type as PersonIdType,
    idNumber: r.id_masked,
    phone: r.phone_masked,
    populationType: r.population_type as PopulationType,
    householdStatus: r.household_status as HouseholdStatus | null,
    status: r.status as PersonStatus,
    dataState: r.data_state as DataState,
    houseId: r.house_id,
    communityCode: r.community_code,
    communityName: names(r.community_code),
    gridCode: r.grid_code,
    gridName: names(r.grid_code),
    updatedAt: r.updated_at,
  };
}

export function presentPerson(
  r: PersonsTable,
  names: AreaNames,
  houseAddress: string | null,
): Person {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender as PersonGender | null,
    birthYear: r.birth_year,
    ethnicity: r.ethnicity,
    idType: r.id_type as PersonIdType,
    idNumber: r.id_masked,
    phone: r.phone_masked,
    nationality: r.nationality,
    registeredPlace: r.registered_place,
    populationType: r.population_type as PopulationType,
    householdStatus: r.household_status as HouseholdStatus | null,
    houseId: r.house_id,
    houseAddress,
    relation: r.relation as HouseholderRelation | null,
    status: r.status as PersonStatus,
    dataState: r.data_state as DataState,
    claimedByName: r.claimed_by_name,
    claimedAt: r.claimed_at,
    verifiedByName: r.verified_by_name,
    verifiedAt: r.verified_at,
    details: details(r.details),
    adminCode: r.admin_code,
    streetCode: r.street_code,
    streetName: names(r.street_code),
    communityCode: r.community_code,
    communityName: names(r.community_code),
    gridCode: r.grid_code,
    gridName: names(r.grid_code),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A stay outside the caller's scope keeps its dates and type only (shown as 辖区外). */
export function presentResidence(r: ResidencesTable, scope: AreaScope): ResidenceEntry {
  const inScope = visibleTo(scope, r);
  return {
    id: r.id,
    inScope,
    houseId: inScope ? r.house_id : null,
    address: inScope ? r.address : null,
    residenceType: r.residence_type as ResidenceType,
    relation: inScope ? (r.relation as HouseholderRelation | null) : null,
    movedInAt: r.moved_in_at,
    movedOutAt: r.moved_out_at,
    reason: inScope ? r.reason : null,
    destination: inScope ? r.destination : null,
  };
}

export function presentEvent(e: PersonEventsTable): PersonEvent {
  const fields = parseJsonObject(e.detail).fields;
  return {
    id: e.id,
    action: e.action as PersonEventAction,
    actorName: e.actor_name,
    at: e.at,
    fields: Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [],
  };
}

export function presentHouseResident(
  r: ResidencesTable,
  person: PersonsTable | undefined,
): HouseResident {
  return {
    residenceId: r.id,
    personId: r.person_id,
    name: person ? maskName(person.name) : '',
    gender: (person?.gender ?? null) as PersonGender | null,
    residenceType: r.residence_type as ResidenceType,
    relation: r.relation as HouseholderRelation | null,
    movedInAt: r.moved_in_at,
    movedOutAt: r.moved_out_at,
    reason: r.reason,
  };
}
