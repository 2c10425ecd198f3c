/** An api_key issued to a partner system; only a keyed hash of the key is kept. */
export interface Open311KeysTable {
  id: string;
  name: string;
  /** The first characters of the key, shown in the list to tell keys apart */
  prefix: string;
  /** Keyed hash (HMAC with the lookup key) of the whole key; unique */
  key_hash: string;
  /** JSON array of service codes the key may submit; null: every public service */
  service_codes: string | null;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** What a partner sent with a request beyond the case itself: its key, media_url, attribute answers, contact. */
export interface Open311RequestsTable {
  case_id: string;
  case_no: string;
  key_id: string;
  media_url: string | null;
  /** JSON {code: value | values[]} of attribute[CODE] answers */
  attributes: string;
  /** Encrypted JSON of email, phone, first/last name, device_id, account_id (personal data; never returned) */
  contact_enc: string | null;
  created_at: string;
}

export interface Open311Tables {
  open311_keys: Open311KeysTable;
  open311_requests: Open311RequestsTable;
}
