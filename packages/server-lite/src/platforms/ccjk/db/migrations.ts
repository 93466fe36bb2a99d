/**
 * @module
 * CCJK Cloud's tables. Every row a caller makes belongs to an account; secrets (API keys, OAuth client secrets
 * and tokens) are stored as SHA-256 hashes. The catalogs (skills, agents, MCP services, plugins) are fixed
 * reference data in `catalog/`; only what callers add to them (published skills, install and download counts)
 * is stored.
 */

import { WebhookDispatcher } from "../../../core/webhooks.ts";
import { DELIVERIES_TABLE } from "../runtime/webhooks.ts";

const SCHEMA = `
CREATE TABLE ccjk_accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  plan TEXT NOT NULL CHECK (plan IN ('free', 'pro', 'enterprise')),
  created_at TEXT NOT NULL
);
CREATE TABLE ccjk_api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  key_prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  last_used_at INTEGER
);
CREATE INDEX ccjk_api_keys_account ON ccjk_api_keys(account_id);
CREATE TABLE ccjk_oauth_clients (
  client_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE ccjk_oauth_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES ccjk_oauth_clients(client_id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  scope TEXT,
  expires_at INTEGER NOT NULL
);
CREATE TABLE ccjk_sync_configs (
  account_id TEXT PRIMARY KEY REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  config_id TEXT NOT NULL UNIQUE,
  provider TEXT NOT NULL,
  provider_config TEXT NOT NULL,
  sync_direction TEXT NOT NULL,
  auto_sync_interval INTEGER NOT NULL,
  conflict_strategy TEXT NOT NULL,
  item_types TEXT NOT NULL,
  last_sync INTEGER,
  pushed INTEGER NOT NULL DEFAULT 0,
  pulled INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE ccjk_sync_items (
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  item_id TEXT NOT NULL,
  local_content TEXT,
  local_version TEXT,
  local_modified_at INTEGER,
  remote_content TEXT,
  remote_version TEXT,
  remote_modified_at INTEGER,
  base_hash TEXT,
  PRIMARY KEY (account_id, type, item_id)
);
CREATE TABLE ccjk_sync_jobs (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  direction TEXT NOT NULL,
  item_types TEXT NOT NULL,
  force INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  completed_at INTEGER,
  results TEXT
);
CREATE INDEX ccjk_sync_jobs_account ON ccjk_sync_jobs(account_id, started_at);
CREATE TABLE ccjk_sync_conflicts (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  job_id TEXT NOT NULL,
  type TEXT NOT NULL,
  item_id TEXT NOT NULL,
  resolution TEXT,
  applied_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE ccjk_pools (
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  from_count INTEGER NOT NULL,
  target INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  min INTEGER NOT NULL,
  max INTEGER NOT NULL,
  auto_scale INTEGER NOT NULL,
  up_threshold REAL NOT NULL,
  down_threshold REAL NOT NULL,
  PRIMARY KEY (account_id, role)
);
CREATE TABLE ccjk_tasks (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  type TEXT,
  priority TEXT NOT NULL,
  priority_rank INTEGER NOT NULL,
  input TEXT NOT NULL,
  deadline INTEGER,
  distributed INTEGER NOT NULL,
  status TEXT NOT NULL,
  agent_id TEXT,
  duration_ms INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  cancelled_at INTEGER,
  error TEXT
);
CREATE INDEX ccjk_tasks_open ON ccjk_tasks(account_id, role, status);
CREATE TABLE ccjk_published_skills (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  visibility TEXT NOT NULL,
  submitted_at INTEGER NOT NULL
);
CREATE TABLE ccjk_skill_installs (
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  skill_id TEXT NOT NULL,
  version TEXT NOT NULL,
  installed_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, skill_id)
);
CREATE TABLE ccjk_mcp_installs (
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  service_id TEXT NOT NULL,
  env TEXT NOT NULL,
  installed_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, service_id)
);
CREATE TABLE ccjk_downloads (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE TABLE ccjk_webhooks (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ccjk_accounts(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  task_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX ccjk_webhooks_account ON ccjk_webhooks(account_id);
`;

/** The migrations of CCJK Cloud's tables. */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [
  { id: "ccjk-001-schema", sql: SCHEMA },
  WebhookDispatcher.migration(DELIVERIES_TABLE),
];

/** Every CCJK table, emptied by a reset. */
export const tables: readonly string[] = [
  DELIVERIES_TABLE,
  "ccjk_webhooks",
  "ccjk_downloads",
  "ccjk_mcp_installs",
  "ccjk_skill_installs",
  "ccjk_published_skills",
  "ccjk_tasks",
  "ccjk_pools",
  "ccjk_sync_conflicts",
  "ccjk_sync_jobs",
  "ccjk_sync_items",
  "ccjk_sync_configs",
  "ccjk_oauth_tokens",
  "ccjk_oauth_clients",
  "ccjk_api_keys",
  "ccjk_accounts",
];
