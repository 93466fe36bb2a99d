/**
 * @module
 * CAIPE Skills tables. Times a job's progress is computed from are epoch milliseconds (compared with the server
 * clock); times that are only shown are ISO strings. Tokens are stored as SHA-256 hashes; lists and objects as
 * JSON text.
 */

export const migrations = [
  {
    id: "caipe-001-skills",
    sql: `
CREATE TABLE caipe_users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
  teams TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE caipe_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES caipe_users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE TABLE caipe_configs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  category TEXT NOT NULL,
  tasks TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  is_system INTEGER NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('private', 'team', 'global')),
  shared_with_teams TEXT,
  skill_content TEXT,
  metadata TEXT NOT NULL,
  ancillary_files TEXT,
  is_quick_start INTEGER NOT NULL,
  difficulty TEXT,
  thumbnail TEXT,
  template_source_id TEXT,
  scan_status TEXT NOT NULL,
  scan_summary TEXT,
  scan_updated_at TEXT,
  created_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX caipe_configs_owner ON caipe_configs(owner_id);
CREATE UNIQUE INDEX caipe_configs_template ON caipe_configs(template_source_id) WHERE template_source_id IS NOT NULL;
CREATE TABLE caipe_template_scans (
  id TEXT PRIMARY KEY,
  scan_status TEXT NOT NULL,
  scan_summary TEXT,
  scan_updated_at TEXT
);
CREATE TABLE caipe_hub_skills (
  id TEXT PRIMARY KEY,
  hub_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  content TEXT NOT NULL,
  repo TEXT NOT NULL,
  path TEXT NOT NULL,
  tags TEXT NOT NULL,
  scan_status TEXT NOT NULL,
  scan_summary TEXT,
  scan_updated_at TEXT
);
CREATE INDEX caipe_hub_skills_hub ON caipe_hub_skills(hub_id);
CREATE TABLE caipe_scan_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('catalog', 'hub')),
  hub_id TEXT,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  creator_id TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  finished_ms INTEGER,
  items TEXT NOT NULL,
  scanned INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0,
  flagged INTEGER NOT NULL DEFAULT 0,
  unscanned INTEGER NOT NULL DEFAULT 0,
  flagged_ids TEXT NOT NULL DEFAULT '[]',
  error TEXT
);
CREATE TABLE caipe_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  exclude_flagged INTEGER NOT NULL,
  allow_list TEXT NOT NULL,
  updated_at TEXT,
  updated_by TEXT
);
`,
  },
];

/** The tables `server.reset()` empties. */
export const tables = [
  "caipe_tokens",
  "caipe_users",
  "caipe_configs",
  "caipe_template_scans",
  "caipe_hub_skills",
  "caipe_scan_jobs",
  "caipe_policy",
];
