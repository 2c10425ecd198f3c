/**
 * 实有人口 (docs/domain.md §5.1). ID numbers and phones are encrypted at rest (S3/S2, §10): each has its ciphertext,
 * a keyed hash for exact lookup and the masked form lists show, so no list ever decrypts.
 */
export interface PersonsTable {
  id: string;
  name: string;
  /** normalizeNameSearch(name): prefix searches are LIKE 'x%' on (level code, name_search) indexes */
  name_search: string;
  gender: string | null;
  /**
   * Legacy clear birth date: no longer read or written; emptied at start-up (legacy-identities-backfill.ts), since
   * with the birth year and an old mask it rebuilt the ID number.
   */
  birth_date: string | null;
  /** 出生年份, in clear for statistics and age bands */
  birth_year: number | null;
  /** The full YYYY-MM-DD (derived from a resident ID), encrypted; revealed only by the audited unmask */
  birth_date_enc: string | null;
  ethnicity: string | null;
  id_type: string;
  id_number_enc: string;
  /** lookupHash of the normalised number (with the type for non-resident documents); unique */
  id_hash: string;
  id_masked: string;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  nationality: string | null;
  /** 户籍地 */
  registered_place: string | null;
  population_type: string;
  household_status: string | null;
  house_id: string | null;
  /** 与户主关系 at the current house */
  relation: string | null;
  status: string;
  data_state: string;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: string | null;
  verified_by: string | null;
  verified_by_name: string | null;
  verified_at: string | null;
  /** JSON object: 流动人口 / 境外人员 details (PersonDetails), residencePermitNo masked like a document number */
  details: string;
  /** 居住证号码 in full, encrypted (it is often the ID number itself) */
  permit_no_enc: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  /** null for a person placed in a community without a house in a grid */
  grid_code: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Residence history: one row per stay in one house; moved_out_at null = the current one. */
export interface ResidencesTable {
  id: string;
  person_id: string;
  house_id: string;
  /** The house's address when the person moved in, so history survives renumbering */
  address: string;
  residence_type: string;
  relation: string | null;
  moved_in_at: string;
  moved_out_at: string | null;
  reason: string | null;
  destination: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  created_at: string;
}

/** Append-only: what happened to a record, by whom. `detail` never holds a plain ID number or phone. */
export interface PersonEventsTable {
  id: string;
  person_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  at: string;
  /** JSON object */
  detail: string;
}

export interface PopulationTables {
  persons: PersonsTable;
  residences: ResidencesTable;
  person_events: PersonEventsTable;
}
