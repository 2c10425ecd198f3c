/**
 * 实有单位: one organisation or business of the area. Phones are personal data: AES-GCM ciphertext beside a keyed
 * hash for exact lookup (core/crypto.ts). Area codes are copied per level, like cases and components, so scope
 * filters are equalities on plain indexes.
 */
export interface UnitsTable {
  id: string;
  name: string;
  /** 统一社会信用代码, unique when present */
  credit_code: string | null;
  /** 注册号 of an individual business without a credit code, unique when present */
  registration_no: string | null;
  unit_type: string;
  /** JSON array of focus tags */
  focus_tags: string;
  /** 1 when a focus tag or the type puts the unit under periodic inspection (重点单位) */
  is_key: number;
  industry: string | null;
  address: string;
  address_id: string | null;
  lng: number | null;
  lat: number | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  /** Version of the grid a point was located in; null when the place came from a standard address */
  grid_version: number | null;
  legal_rep_name: string | null;
  legal_rep_phone_enc: string | null;
  legal_rep_phone_hash: string | null;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_hash: string | null;
  employee_count: number | null;
  status: string;
  inspection_interval_days: number | null;
  /** YYYY-MM-DD (Shanghai); null for a unit without periodic inspection */
  next_inspection_due: string | null;
  last_inspected_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 从业人员: a person of the population registry working at a unit over a period. */
export interface UnitEmployeesTable {
  id: string;
  unit_id: string;
  person_id: string;
  position: string | null;
  from_date: string;
  to_date: string | null;
  created_at: string;
}

/** 重点场所: a place under safety or security focus, inspected periodically. */
export interface PlacesTable {
  id: string;
  name: string;
  place_type: string;
  unit_id: string | null;
  responsible_name: string | null;
  responsible_phone_enc: string | null;
  responsible_phone_hash: string | null;
  address: string;
  address_id: string | null;
  lng: number | null;
  lat: number | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  grid_version: number | null;
  inspection_interval_days: number;
  /** YYYY-MM-DD (Shanghai) */
  next_inspection_due: string;
  last_inspected_at: string | null;
  remarks: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 检查记录 of a unit or a place. Area codes are the target's when inspected, so scope needs no join. */
export interface InspectionsTable {
  id: string;
  target_type: string;
  target_id: string;
  /** The target's name when inspected, so the record reads the same after a rename */
  target_name: string;
  inspector_id: string;
  inspector_name: string | null;
  at: string;
  result: string;
  findings: string | null;
  /** JSON array: { id, description, level, rectifyBy, caseId } */
  hazards: string;
  /** JSON array of attachment ids */
  photos: string;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string;
  /** Bumped when a hazard gets its case, so two raisers cannot both link one */
  version: number;
  created_at: string;
}

export interface UnitsTables {
  units: UnitsTable;
  unit_employees: UnitEmployeesTable;
  places: PlacesTable;
  inspections: InspectionsTable;
}
