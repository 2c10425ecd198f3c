export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  expires_at: string;
}
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  /** JSON array: what the token may do, never more than its user currently may */
  permissions: string;
}
/** A browser where the user signed in before: its correct password passes the lock strangers set off. */
export interface KnownDevicesTable {
  /** sha256 of the device cookie */
  id: string;
  user_id: string;
  failed_logins: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
export interface AuthTables {
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  known_devices: KnownDevicesTable;
}
