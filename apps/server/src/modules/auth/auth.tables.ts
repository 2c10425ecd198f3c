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
}
export interface AuthTables {
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
