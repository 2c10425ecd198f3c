export interface PublicReceiptsTable {
  /** The citizen pseudo-actor is `citizen:<id>`, the case's reporter_id */
  id: string;
  case_id: string;
  /** 查询码: the case number, unique */
  case_no: string;
  /** Keyed hash (HMAC with the lookup key) of the normalised secret; the secret itself is never stored */
  secret_hash: string;
  /** Contact phone, encrypted (see core/crypto.ts) */
  phone_enc: string | null;
  phone_masked: string | null;
  /** Keyed hash of the normalised phone (lookup key), to find a citizen's receipts with a one-time code */
  phone_hash: string | null;
  created_at: string;
}

/** One-time codes for finding reports by phone; only keyed hashes of the phone and the code are kept. */
export interface PublicPhoneCodesTable {
  id: string;
  phone_hash: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}

export interface PublicCasesTables {
  public_receipts: PublicReceiptsTable;
  public_phone_codes: PublicPhoneCodesTable;
}
