/**
 * @module
 * CoordinAItor's tables (prefix `co_`). Times are epoch milliseconds on the server clock; lists and objects the
 * API answers as arrays (`tags`, `permissions`, `preferences`) are JSON text. Secrets (passwords, refresh
 * tokens, API keys, OAuth client secrets and codes) are kept only as hashes; webhook secrets are kept as given,
 * since every delivery is signed with them.
 */
export const migrations = [
  {
    id: "coordinaitor-001-core",
    sql: `
CREATE TABLE co_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE co_orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE co_users (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES co_orgs(id), email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL, password_hash TEXT NOT NULL, role TEXT NOT NULL, preferences TEXT NOT NULL,
  avatar BLOB, avatar_type TEXT, created_at INTEGER NOT NULL, last_login_at INTEGER
);
CREATE TABLE co_sessions (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE,
  refresh_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  scope TEXT
);
CREATE TABLE co_api_keys (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE, name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE, permissions TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER
);
CREATE TABLE co_oauth_clients (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE, name TEXT NOT NULL,
  secret_hash TEXT NOT NULL, redirect_uris TEXT NOT NULL, scopes TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE co_oauth_codes (
  code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES co_oauth_clients(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE, scope TEXT NOT NULL, redirect_uri TEXT,
  expires_at INTEGER NOT NULL, used_at INTEGER
);
CREATE TABLE co_agents (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES co_orgs(id), created_by TEXT NOT NULL, name TEXT NOT NULL,
  type TEXT NOT NULL, model TEXT, provider TEXT, capabilities TEXT NOT NULL, specializations TEXT NOT NULL,
  max_concurrent INTEGER NOT NULL, working_hours TEXT, configuration TEXT NOT NULL, enabled INTEGER NOT NULL,
  disabled_reason TEXT, last_status TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  last_active_at INTEGER
);
CREATE TABLE co_agent_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, agent_id TEXT NOT NULL REFERENCES co_agents(id) ON DELETE CASCADE,
  at INTEGER NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL
);
CREATE TABLE co_projects (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES co_orgs(id), created_by TEXT NOT NULL, name TEXT NOT NULL,
  description TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL, start_date TEXT, end_date TEXT,
  budget TEXT, tags TEXT NOT NULL, agents TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE co_project_members (
  project_id TEXT NOT NULL REFERENCES co_projects(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE, role TEXT NOT NULL, permissions TEXT NOT NULL,
  added_at INTEGER NOT NULL, PRIMARY KEY (project_id, user_id)
);
CREATE TABLE co_tasks (
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES co_orgs(id), created_by TEXT NOT NULL, title TEXT NOT NULL,
  description TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL,
  project_id TEXT REFERENCES co_projects(id) ON DELETE SET NULL, agent_id TEXT REFERENCES co_agents(id),
  tags TEXT NOT NULL, estimated_hours REAL, actual_hours REAL NOT NULL, progress REAL NOT NULL, due_date TEXT,
  requirements TEXT NOT NULL, acceptance TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  completed_at INTEGER, assigned_at INTEGER, responded_at INTEGER, active_since INTEGER,
  active_ms INTEGER NOT NULL DEFAULT 0, first_completed_at INTEGER, change_requests INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX co_tasks_org ON co_tasks (org_id, created_at);
CREATE INDEX co_tasks_agent ON co_tasks (agent_id);
CREATE INDEX co_tasks_project ON co_tasks (project_id);
CREATE TABLE co_task_history (
  id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES co_tasks(id) ON DELETE CASCADE, action TEXT NOT NULL,
  from_value TEXT, to_value TEXT, user_id TEXT NOT NULL, reason TEXT, at INTEGER NOT NULL
);
CREATE INDEX co_task_history_task ON co_task_history (task_id);
CREATE TABLE co_comments (
  id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES co_tasks(id) ON DELETE CASCADE, author TEXT NOT NULL,
  content TEXT NOT NULL, mentions TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE co_files (
  id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES co_tasks(id) ON DELETE CASCADE, name TEXT NOT NULL,
  size INTEGER NOT NULL, mime_type TEXT NOT NULL, description TEXT, data BLOB NOT NULL, uploaded_by TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL
);
CREATE TABLE co_notifications (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE, type TEXT NOT NULL,
  title TEXT NOT NULL, message TEXT NOT NULL, data TEXT NOT NULL, read_at INTEGER, created_at INTEGER NOT NULL
);
CREATE TABLE co_logs (
  id TEXT PRIMARY KEY, at INTEGER NOT NULL, level TEXT NOT NULL, service TEXT NOT NULL, message TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE co_webhooks (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES co_users(id) ON DELETE CASCADE, url TEXT NOT NULL,
  events TEXT NOT NULL, secret TEXT NOT NULL, active INTEGER NOT NULL, headers TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
`,
  },
];

/** Tables a reset empties. */
export const tables = [
  "co_webhooks",
  "co_logs",
  "co_notifications",
  "co_files",
  "co_comments",
  "co_task_history",
  "co_tasks",
  "co_project_members",
  "co_projects",
  "co_agent_logs",
  "co_agents",
  "co_oauth_codes",
  "co_oauth_clients",
  "co_api_keys",
  "co_sessions",
  "co_users",
  "co_orgs",
] as const;
