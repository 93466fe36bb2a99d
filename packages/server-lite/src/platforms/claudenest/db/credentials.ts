/**
 * @module
 * Each user's Claude credentials (beyond the document, as ClaudeNest's own server keeps them). server-lite keeps no
 * secret: a credential is answered with a hint of its key only, so only the hint and which secrets were given are
 * stored.
 */
export const credentialsMigration = {
  id: "claudenest-050-credentials",
  sql: `
CREATE TABLE cn_credentials (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  auth_type TEXT NOT NULL,
  claude_dir_mode TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  key_hint TEXT,
  has_api_key INTEGER NOT NULL,
  has_access_token INTEGER NOT NULL,
  has_refresh_token INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
`,
};
