import {
  FOCUS_TAGS,
  defaultUnitInspectionDays,
  isKeyUnit,
  type CreateUnitRequest,
  type FocusTag,
  type UnitType,
  type UpdateUnitRequest,
} from '@wangge/shared';
import type { FieldCipher } from '../../core/crypto';
import { AppError } from '../../core/errors';
import {
  addDays,
  blankToNull,
  checkCreditCode,
  parseJsonArray,
  sealPhone,
  shanghaiDate,
} from './unit-model';
import type { LocationColumns } from './unit-location';
import type { UnitsTable } from './units.tables';

/** Tags once each, in catalogue order, so equal sets store equal text (and upserts see no change). */
export const canonicalTags = (tags: readonly FocusTag[]): FocusTag[] =>
  FOCUS_TAGS.filter((t) => tags.includes(t));

export interface Identifiers {
  credit_code: string | null;
  registration_no: string | null;
}

/**
 * The unit's identifiers after a change: a checked credit code, or, for an individual business without one,
 * a registration number.
 */
export function identifiersOf(
  input: { creditCode?: string | null | undefined; registrationNo?: string | null | undefined },
  unitType: UnitType,
  current?: Identifiers,
): Identifiers {
  const rawCredit = blankToNull(input.creditCode);
  const credit =
    rawCredit === undefined
      ? (current?.credit_code ?? null)
      : rawCredit && checkCreditCode(rawCredit);
  const rawReg = blankToNull(input.registrationNo);
  const registration = rawReg === undefined ? (current?.registration_no ?? null) : rawReg;
  if (!credit && !registration) {
    if (unitType === 'individual_business')
      throw new AppError('validation_failed', '个体工商户无统一社会信用代码时请填写注册号', {
        field: 'registrationNo',
      });
    throw new AppError('validation_failed', '请填写统一社会信用代码', { field: 'creditCode' });
  }
  return { credit_code: credit, registration_no: registration };
}

/** Inspection interval and whether the unit is a 重点单位; explicit null asks for the default again. */
export function scheduleOf(
  unitType: UnitType,
  tags: FocusTag[],
  explicit: number | null | undefined,
  current?: UnitsTable,
) {
  const fallback = defaultUnitInspectionDays(unitType, tags);
  let interval: number | null;
  if (explicit !== undefined) interval = explicit ?? fallback;
  else if (!current) interval = fallback;
  else {
    // A stored interval that was the old default follows the new classification; a chosen one stays.
    const oldDefault = defaultUnitInspectionDays(
      current.unit_type as UnitType,
      parseJsonArray<FocusTag>(current.focus_tags),
    );
    interval =
      current.inspection_interval_days === oldDefault ? fallback : current.inspection_interval_days;
  }
  return { is_key: isKeyUnit(unitType, tags) ? 1 : 0, inspection_interval_days: interval };
}

const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

/** A new unit row from a checked request, its identifiers and its resolved place. */
export function newUnitRow(
  id: string,
  input: CreateUnitRequest,
  ids: Identifiers,
  where: LocationColumns,
  cipher: FieldCipher,
  now: string,
  today: string,
): UnitsTable {
  const tags = canonicalTags(input.focusTags);
  const schedule = scheduleOf(input.unitType, tags, input.inspectionIntervalDays);
  const legal = sealPhone(cipher, input.legalRepPhone) ?? { enc: null, hash: null };
  const contact = sealPhone(cipher, input.contactPhone) ?? { enc: null, hash: null };
  return {
    id,
    name: input.name,
    ...ids,
    unit_type: input.unitType,
    focus_tags: JSON.stringify(tags),
    ...schedule,
    // The first inspection of a new 重点单位 is one interval after registration, which is itself a site visit.
    next_inspection_due: schedule.inspection_interval_days
      ? addDays(today, schedule.inspection_interval_days)
      : null,
    last_inspected_at: null,
    industry: orNull(blankToNull(input.industry)),
    ...where,
    legal_rep_name: orNull(blankToNull(input.legalRepName)),
    legal_rep_phone_enc: legal.enc,
    legal_rep_phone_hash: legal.hash,
    contact_name: orNull(blankToNull(input.contactName)),
    contact_phone_enc: contact.enc,
    contact_phone_hash: contact.hash,
    employee_count: orNull(input.employeeCount),
    status: input.status,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** The columns an update changes (empty when nothing differs), schedule included. */
export function unitPatch(
  row: UnitsTable,
  input: Omit<UpdateUnitRequest, 'version'>,
  ids: Identifiers,
  where: LocationColumns,
  cipher: FieldCipher,
): Partial<UnitsTable> {
  const unitType = input.unitType ?? (row.unit_type as UnitType);
  const tags = canonicalTags(input.focusTags ?? parseJsonArray<FocusTag>(row.focus_tags));
  const schedule = scheduleOf(unitType, tags, input.inspectionIntervalDays, row);
  const next: Partial<UnitsTable> = {
    ...ids,
    ...where,
    unit_type: unitType,
    focus_tags: JSON.stringify(tags),
    ...schedule,
  };
  const text = {
    name: 'name',
    industry: 'industry',
    legalRepName: 'legal_rep_name',
    contactName: 'contact_name',
  } as const;
  for (const [field, column] of Object.entries(text) as [
    keyof typeof text,
    (typeof text)[keyof typeof text],
  ][]) {
    const v = blankToNull(input[field]);
    if (v !== undefined) Object.assign(next, { [column]: v });
  }
  if (input.employeeCount !== undefined) next.employee_count = input.employeeCount;
  if (input.status !== undefined) next.status = input.status;
  // Phones compare by their keyed hash: re-encrypting the same number would otherwise always look like a change.
  for (const [field, prefix] of [
    ['legalRepPhone', 'legal_rep_phone'],
    ['contactPhone', 'contact_phone'],
  ] as const) {
    const v = input[field];
    if (v === undefined) continue;
    const sealed = sealPhone(cipher, v)!;
    if (sealed.hash !== row[`${prefix}_hash`])
      Object.assign(next, { [`${prefix}_enc`]: sealed.enc, [`${prefix}_hash`]: sealed.hash });
  }
  const patch: Partial<UnitsTable> = {};
  for (const [k, v] of Object.entries(next) as [keyof UnitsTable, unknown][])
    if (row[k] !== v) Object.assign(patch, { [k]: v });
  if (patch.inspection_interval_days !== undefined) {
    const base = shanghaiDate(new Date(row.last_inspected_at ?? row.created_at));
    patch.next_inspection_due = patch.inspection_interval_days
      ? addDays(base, patch.inspection_interval_days)
      : null;
  }
  return patch;
}
