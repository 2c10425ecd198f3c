/** One class of the dictionary. Flags are 0/1; JSON arrays are stored as text. */
export interface CategoriesTable {
  id: string;
  code: string;
  kind: string;
  level: string;
  parent_code: string | null;
  name: string;
  /** JSON array of normalised legacy codes. */
  legacy_codes: string;
  /** JSON array of 地方叫法. */
  synonyms: string;
  is_local_extension: number;
  active: number;
  self_handle_allowed: number;
  verify_required: number;
  duplicate_radius_m: number;
  created_at: string;
  updated_at: string;
}

/** One version of one 立结案标准 row; versions of a condition share `lineage_id`. */
export interface RegistrationConditionsTable {
  id: string;
  lineage_id: string;
  supersedes_id: string | null;
  class_code: string;
  text: string;
  closure_condition: string;
  urgency: string;
  limit_value: number;
  limit_type: string;
  /** JSON object: step → { value, type }. */
  step_limits: string;
  yellow_card_at: number | null;
  red_card_at: number | null;
  area_code: string | null;
  /** 1: the class's default (默认), generated from its 大类's generic condition; kept by its later versions. */
  is_default: number;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface CategoriesTables {
  categories: CategoriesTable;
  registration_conditions: RegistrationConditionsTable;
}
