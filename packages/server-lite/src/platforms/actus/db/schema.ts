/**
 * @module
 * Actus tables (`act_` prefix). Times that expire (tokens, presigned URLs) are epoch milliseconds compared with
 * the server clock; times that are only shown are ISO strings. Token secrets are stored as SHA-256 hashes,
 * passwords as scrypt hashes, the LLM key only in `act_config` and never answered.
 */
export const migrations = [
  {
    id: "actus-001",
    sql: `
CREATE TABLE act_users (
  id TEXT PRIMARY KEY,
  username TEXT UNIQUE COLLATE NOCASE,
  email TEXT UNIQUE COLLATE NOCASE,
  nickname TEXT,
  avatar TEXT,
  password_hash TEXT,
  wechat_openid TEXT UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('super_admin', 'user')),
  status TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'banned')),
  created_at TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE TABLE act_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES act_users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  expires_at INTEGER NOT NULL
);
CREATE INDEX act_tokens_user ON act_tokens(user_id);
CREATE TABLE act_oauth_codes (
  code TEXT PRIMARY KEY,
  openid TEXT NOT NULL,
  nickname TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE act_config (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE act_mcp_servers (
  name TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  seq INTEGER NOT NULL
);
CREATE TABLE act_a2a_servers (
  id TEXT PRIMARY KEY,
  base_url TEXT NOT NULL UNIQUE,
  card TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  seq INTEGER NOT NULL
);
CREATE TABLE act_tool_prefs (
  user_id TEXT NOT NULL REFERENCES act_users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('mcp', 'a2a', 'skill')),
  tool_id TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind, tool_id)
);
CREATE TABLE act_files (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES act_users(id) ON DELETE CASCADE,
  session_id TEXT,
  filename TEXT NOT NULL,
  filepath TEXT NOT NULL,
  key TEXT NOT NULL,
  extension TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX act_files_user ON act_files(user_id);
CREATE INDEX act_files_session ON act_files(session_id, filepath);
CREATE TABLE act_objects (
  bucket TEXT NOT NULL,
  name TEXT NOT NULL,
  content BLOB NOT NULL,
  content_type TEXT NOT NULL,
  etag TEXT NOT NULL,
  PRIMARY KEY (bucket, name)
);
CREATE TABLE act_sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES act_users(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'waiting', 'completed')),
  latest_message TEXT NOT NULL,
  latest_message_at TEXT,
  unread INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX act_sessions_user ON act_sessions(user_id);
CREATE TABLE act_events (
  session_id TEXT NOT NULL REFERENCES act_sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  event TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE TABLE act_session_files (
  session_id TEXT NOT NULL REFERENCES act_sessions(id) ON DELETE CASCADE,
  file_id TEXT NOT NULL,
  PRIMARY KEY (session_id, file_id)
);
CREATE TABLE act_shell (
  session_id TEXT NOT NULL REFERENCES act_sessions(id) ON DELETE CASCADE,
  shell_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  command TEXT NOT NULL,
  output TEXT NOT NULL,
  PRIMARY KEY (session_id, shell_id, seq)
);
CREATE TABLE act_skills (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  version TEXT NOT NULL,
  source_type TEXT NOT NULL,
  source_ref TEXT NOT NULL,
  runtime_type TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  installed_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  bundle_file_count INTEGER NOT NULL,
  context_ref_count INTEGER NOT NULL,
  last_sync_at TEXT,
  bundle TEXT NOT NULL,
  seq INTEGER NOT NULL
);
`,
  },
];

/** Every Actus table, emptied by a reset. */
export const tables = [
  "act_tool_prefs",
  "act_session_files",
  "act_shell",
  "act_events",
  "act_sessions",
  "act_files",
  "act_tokens",
  "act_oauth_codes",
  "act_users",
  "act_config",
  "act_mcp_servers",
  "act_a2a_servers",
  "act_objects",
  "act_skills",
] as const;
