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
  created_at: string;
}

export interface PublicCasesTables {
  public_receipts: PublicReceiptsTable;
}
