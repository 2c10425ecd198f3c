import {
  maskIdNumber,
  normalizeNameSearch,
  type CreatePersonRequest,
  type PersonDetails,
  type UpdatePersonRequest,
} from '@wangge/shared';
import type { FieldCipher } from '../../core/crypto';
import { AppError } from '../../core/errors';
import {
  parseJsonObject,
  storeBirthDate,
  type PersonPlace,
  type StoredIdentity,
} from './person-model';
import type { PersonsTable } from './population.tables';

/** The attributes a create (or an imported row) carries besides the document and the place. */
type Attributes = Pick<
  CreatePersonRequest,
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'ethnicity'
  | 'nationality'
  | 'registeredPlace'
  | 'populationType'
  | 'householdStatus'
  | 'relation'
  | 'details'
>;

/** Drops empty detail fields, so re-imports of the same values compare equal. */
export function detailsJson(d: PersonDetails | undefined): string {
  const kept = Object.entries(d ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return JSON.stringify(Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The 居住证号码 at rest: in full in its own encrypted column, masked in the details JSON by the document-number
 * rule (it is often the ID number itself). A value equal to the stored mask or to the stored number keeps the stored
 * ciphertext, so saving a form that shows the mask, or importing the same data again, changes nothing.
 */
export function sealPermit(
  cipher: FieldCipher,
  d: PersonDetails | undefined,
  current: { details: string; permit_no_enc: string | null } | null,
): { details: PersonDetails | undefined; permit_no_enc: string | null } {
  const value = d?.residencePermitNo?.trim();
  if (!d || !value) return { details: d, permit_no_enc: null };
  const stored = current?.permit_no_enc ?? null;
  const storedMask = current ? parseJsonObject(current.details).residencePermitNo : undefined;
  if (stored && (value === storedMask || value === cipher.decrypt(stored)))
    return { details: { ...d, residencePermitNo: storedMask as string }, permit_no_enc: stored };
  return {
    details: { ...d, residencePermitNo: maskIdNumber(value) },
    permit_no_enc: cipher.encrypt(value),
  };
}

/** Rules across fields: 境外人员 need a nationality; 人户状态 only applies to 户籍人口 (default 人户一致). */
export function checkedHousehold(
  populationType: string,
  householdStatus: string | null | undefined,
  nationality: string | null | undefined,
): string | null {
  if (populationType === 'foreign' && !nationality)
    throw new AppError('validation_failed', '境外人员须填写国籍', { field: 'nationality' });
  return populationType === 'registered' ? (householdStatus ?? 'together') : null;
}

/** The person's own columns, computed from validated input (the same for a create and an import). */
export function attributeColumns(a: Attributes, identity: StoredIdentity, cipher: FieldCipher) {
  const sealed = sealPermit(cipher, a.details, null);
  return {
    name: a.name,
    name_search: normalizeNameSearch(a.name),
    // A resident ID states birth date and gender; what was typed beside it does not override that.
    gender: identity.gender ?? a.gender ?? null,
    birth_date: null,
    ...storeBirthDate(cipher, identity.birthDate ?? a.birthDate),
    ethnicity: a.ethnicity ?? null,
    nationality: a.nationality ?? null,
    registered_place: a.registeredPlace ?? null,
    population_type: a.populationType,
    household_status: checkedHousehold(a.populationType, a.householdStatus, a.nationality),
    relation: a.relation ?? null,
    details: detailsJson(sealed.details),
    permit_no_enc: sealed.permit_no_enc,
  };
}

export const identityColumns = (identity: StoredIdentity) => ({
  id_type: identity.idType,
  id_number_enc: identity.enc,
  id_hash: identity.hash,
  id_masked: identity.masked,
});

export const placeColumnsOf = (p: PersonPlace) => ({
  admin_code: p.adminCode,
  street_code: p.streetCode,
  community_code: p.communityCode,
  grid_code: p.gridCode,
});

export function newPersonRow(
  cipher: FieldCipher,
  id: string,
  a: Attributes,
  identity: StoredIdentity,
  phone: Pick<PersonsTable, 'phone_enc' | 'phone_hash' | 'phone_masked'>,
  place: PersonPlace,
  houseId: string | null,
  now: string,
): PersonsTable {
  return {
    id,
    ...attributeColumns(a, identity, cipher),
    ...identityColumns(identity),
    ...phone,
    ...placeColumnsOf(place),
    house_id: houseId,
    status: 'active',
    data_state: 'entered',
    claimed_by: null,
    claimed_by_name: null,
    claimed_at: null,
    verified_by: null,
    verified_by_name: null,
    verified_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** Plain attribute fields of an update and their columns (the document, phone, place and status have rules). */
const SIMPLE = {
  ethnicity: 'ethnicity',
  nationality: 'nationality',
  registeredPlace: 'registered_place',
  populationType: 'population_type',
  relation: 'relation',
} as const;

/**
 * The columns an update changes, with the API field names for the event log. Values equal to the stored ones are
 * left out, so saving an unchanged form bumps nothing.
 */
export function attributePatch(
  cipher: FieldCipher,
  row: PersonsTable,
  input: UpdatePersonRequest,
): { patch: Partial<PersonsTable>; fields: string[] } {
  const patch: Partial<PersonsTable> = {};
  const fields: string[] = [];
  const set = (field: string, column: keyof PersonsTable, value: string | null) => {
    if (row[column] === value) return;
    Object.assign(patch, { [column]: value });
    fields.push(field);
  };
  if (input.name !== undefined) {
    set('name', 'name', input.name);
    if (patch.name !== undefined) patch.name_search = normalizeNameSearch(input.name);
  }
  for (const [field, column] of Object.entries(SIMPLE) as [
    keyof typeof SIMPLE,
    (typeof SIMPLE)[keyof typeof SIMPLE],
  ][]) {
    const v = input[field];
    if (v !== undefined) set(field, column, v);
  }
  if (input.details !== undefined) {
    const sealed = sealPermit(cipher, input.details, row);
    set('details', 'details', detailsJson(sealed.details));
    if (sealed.permit_no_enc !== row.permit_no_enc) {
      patch.permit_no_enc = sealed.permit_no_enc;
      if (!fields.includes('details')) fields.push('details');
    }
  }
  const populationType = patch.population_type ?? row.population_type;
  const nationality = patch.nationality !== undefined ? patch.nationality : row.nationality;
  const household =
    input.householdStatus !== undefined ? input.householdStatus : row.household_status;
  set(
    'householdStatus',
    'household_status',
    checkedHousehold(populationType, household, nationality),
  );
  return { patch, fields };
}
