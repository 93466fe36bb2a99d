/**
 * @module
 * Tables of §5 Sessions. A session belongs to a machine (deleted with it) and to the machine's user;
 * its logs are ordered by `seq`. WebSocket tokens are stored as SHA-256 hashes, with their expiry in epoch
 * milliseconds.
 */
export const sessionsMigration = {
  id: "claudenest-002-sessions",
  sql: `
CREATE TABLE cn_sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  machine_id TEXT NOT NULL REFERENCES cn_machines(id) ON DELETE CASCADE,
  mode TEXT NOT NULL CHECK (mode IN ('interactive', 'headless', 'oneshot')),
  project_path TEXT,
  initial_prompt TEXT,
  status TEXT NOT NULL,
  status_message TEXT,
  pid INTEGER,
  exit_code INTEGER,
  cols INTEGER NOT NULL,
  rows INTEGER NOT NULL,
  total_tokens INTEGER NOT NULL DEFAULT 0,
  total_cost REAL NOT NULL DEFAULT 0,
  started_at INTEGER,
  completed_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cn_sessions_machine ON cn_sessions(machine_id, created_at);
CREATE INDEX cn_sessions_user ON cn_sessions(user_id);
CREATE TABLE cn_session_logs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES cn_sessions(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('input', 'output', 'error')),
  data TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);
CREATE INDEX cn_session_logs_session ON cn_session_logs(session_id, seq);
CREATE TABLE cn_ws_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES cn_sessions(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE INDEX cn_ws_tokens_session ON cn_ws_tokens(session_id);
`,
};

/** In deletion order (children first), for resets. */
export const sessionTables = ["cn_ws_tokens", "cn_session_logs", "cn_sessions"];
