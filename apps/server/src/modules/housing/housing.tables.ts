/**
 * 实有房屋: one row per 户室 address node. The address text and area codes are copied from the node (and kept in
 * step by the addresses module's change hook) so lists filter and sort on this table alone.
 */
export interface HousesTable {
  id: string;
  address_id: string;
  full_address: string;
  search_text: string;
  use: string;
  ownership: string;
  area_m2: number | null;
  certificate_no: string | null;
  landlord_name: string | null;
  /** AES-GCM ciphertext (core/crypto.ts): personal data, never stored in clear. */
  landlord_phone_enc: string | null;
  /** Keyed hash of the normalised phone, for exact lookup without decrypting. */
  landlord_phone_hash: string | null;
  /**
   * The phone as answers show it (138****5678), written with the ciphertext so lists and exports need not decrypt.
   * NULL beside a ciphertext only on rows from before the column: the service fills those when it first reads them.
   */
  landlord_phone_masked: string | null;
  rent_purpose: string | null;
  contract_start: string | null;
  contract_end: string | null;
  remarks: string | null;
  admin_code: string;
  street_code: string;
  community_code: string;
  grid_code: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HousingTables {
  houses: HousesTable;
}
