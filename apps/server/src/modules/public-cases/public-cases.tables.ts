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

export type ModerationState = 'pending' | 'approved' | 'rejected';

/** What the public map may show of a portal report; each part waits for a 受理员 (docs/public-board.md). */
export interface PublicPostsTable {
  /** Public id, random: the receipt number stays between the resident and the staff */
  id: string;
  case_id: string;
  case_no: string;
  class_code: string | null;
  /** 1: a sensitive class (综治, special groups, disputes): the place is never published */
  sensitive: number;
  street_code: string;
  community_code: string;
  grid_code: string;
  /** Rounded (about 10 m); null when sensitive */
  lng: number | null;
  lat: number | null;
  /** The resident's words as submitted (shown to moderators only) */
  text: string;
  text_status: ModerationState;
  /** The words published: the moderator's version (names, numbers taken out) or the submitted text */
  public_text: string | null;
  text_reason: string | null;
  text_by: string | null;
  text_at: string | null;
  supporters: number;
  created_at: string;
}

export interface PublicPostPhotosTable {
  post_id: string;
  attachment_id: string;
  status: ModerationState;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface PublicSupportsTable {
  post_id: string;
  device_hash: string;
  created_at: string;
}

/** Proof-of-work challenges already used, until they expire. */
export interface PublicPowSpentTable {
  id: string;
  expires_at: string;
}

export interface PublicCasesTables {
  public_receipts: PublicReceiptsTable;
  public_phone_codes: PublicPhoneCodesTable;
  public_posts: PublicPostsTable;
  public_post_photos: PublicPostPhotosTable;
  public_supports: PublicSupportsTable;
  public_pow_spent: PublicPowSpentTable;
}
