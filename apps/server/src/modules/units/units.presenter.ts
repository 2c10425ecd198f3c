import {
  maskName,
  maskPhone,
  type FocusTag,
  type Hazard,
  type Inspection,
  type InspectionResult,
  type InspectionTargetType,
  type Place,
  type PlaceType,
  type Unit,
  type UnitEmployee,
  type UnitStatus,
  type UnitType,
} from '@wangge/shared';
import { parseJsonArray } from './unit-model';
import type { InspectionsTable, PlacesTable, UnitEmployeesTable, UnitsTable } from './units.tables';

/** What rows are shown with: area names looked up once per page, and the decryption of sealed phones. */
export interface PresentContext {
  areaName(code: string): string | null;
  decrypt(stored: string): string;
  /** Lists mask people's names (docs/domain.md §10, S2); the detail view shows them to its authorised readers. */
  fullNames: boolean;
}

const name = (ctx: PresentContext, v: string | null) => (v && !ctx.fullNames ? maskName(v) : v);
/** Phones are always masked here; only an audited unmasking answers them in full. */
const phone = (ctx: PresentContext, enc: string | null) =>
  enc ? maskPhone(ctx.decrypt(enc)) : null;

const areas = (
  ctx: PresentContext,
  r: Pick<UnitsTable, 'admin_code' | 'street_code' | 'community_code' | 'grid_code'>,
) => ({
  adminCode: r.admin_code,
  streetCode: r.street_code,
  streetName: ctx.areaName(r.street_code),
  communityCode: r.community_code,
  communityName: ctx.areaName(r.community_code),
  gridCode: r.grid_code,
  gridName: ctx.areaName(r.grid_code),
});

const position = (r: { lng: number | null; lat: number | null }): [number, number] | null =>
  r.lng != null && r.lat != null ? [r.lng, r.lat] : null;

export function presentUnit(r: UnitsTable, ctx: PresentContext): Unit {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    registrationNo: r.registration_no,
    unitType: r.unit_type as UnitType,
    focusTags: parseJsonArray<FocusTag>(r.focus_tags),
    isKeyUnit: r.is_key === 1,
    industry: r.industry,
    address: r.address,
    addressId: r.address_id,
    position: position(r),
    ...areas(ctx, r),
    legalRepName: name(ctx, r.legal_rep_name),
    legalRepPhone: phone(ctx, r.legal_rep_phone_enc),
    contactName: name(ctx, r.contact_name),
    contactPhone: phone(ctx, r.contact_phone_enc),
    employeeCount: r.employee_count,
    status: r.status as UnitStatus,
    inspectionIntervalDays: r.inspection_interval_days,
    nextInspectionDue: r.next_inspection_due,
    lastInspectedAt: r.last_inspected_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentEmployee(r: UnitEmployeesTable, maskedName: string | null): UnitEmployee {
  return {
    id: r.id,
    personId: r.person_id,
    personName: maskedName,
    position: r.position,
    from: r.from_date,
    to: r.to_date,
  };
}

export function presentPlace(r: PlacesTable, ctx: PresentContext, unitName: string | null): Place {
  return {
    id: r.id,
    name: r.name,
    placeType: r.place_type as PlaceType,
    unitId: r.unit_id,
    unitName,
    responsibleName: name(ctx, r.responsible_name),
    responsiblePhone: phone(ctx, r.responsible_phone_enc),
    address: r.address,
    addressId: r.address_id,
    position: position(r),
    ...areas(ctx, r),
    inspectionIntervalDays: r.inspection_interval_days,
    nextInspectionDue: r.next_inspection_due,
    lastInspectedAt: r.last_inspected_at,
    remarks: r.remarks,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentInspection(r: InspectionsTable): Inspection {
  return {
    id: r.id,
    targetType: r.target_type as InspectionTargetType,
    targetId: r.target_id,
    targetName: r.target_name,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name,
    at: r.at,
    result: r.result as InspectionResult,
    findings: r.findings,
    hazards: parseJsonArray<Hazard>(r.hazards),
    photos: parseJsonArray<string>(r.photos),
    gridCode: r.grid_code,
    version: r.version,
    createdAt: r.created_at,
  };
}
