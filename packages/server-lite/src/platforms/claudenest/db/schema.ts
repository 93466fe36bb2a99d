/**
 * @module
 * ClaudeNest tables. Times that expire are epoch milliseconds (compared with the server clock); times that
 * are only shown are ISO strings. Secrets are stored as SHA-256 hashes, passwords as scrypt hashes.
 */

import { agentPairingMigration } from "./agent-pairing.ts";
import { contextIndexMigration } from "./context-index.ts";
import { credentialsMigration } from "./credentials.ts";
import { machineToolsMigration, machineToolsTables } from "./machine-tools.ts";
import { orchestratorsMigration, orchestratorsTables } from "./orchestrators.ts";
import { pairingSealMigration } from "./pairing.ts";
import { projectsMigration, projectsTables } from "./projects.ts";
import { sessionsMigration, sessionTables } from "./sessions.ts";
import { redundantTaskIndexMigration, taskCountsMigration, taskOrderMigration, tasksMigration } from "./tasks.ts";

export const migrations = [
  {
    id: "claudenest-001-accounts",
    sql: `
CREATE TABLE cn_users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT,
  avatar_url TEXT,
  email_verified_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE cn_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'refresh')),
  token_hash TEXT NOT NULL UNIQUE,
  abilities TEXT NOT NULL,
  last_used_at INTEGER,
  expires_at INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX cn_tokens_user ON cn_tokens(user_id);
CREATE TABLE cn_magic_links (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE cn_oauth_codes (
  code_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE cn_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  to_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE cn_machines (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  platform TEXT NOT NULL,
  hostname TEXT NOT NULL,
  arch TEXT,
  node_version TEXT,
  agent_version TEXT,
  claude_version TEXT,
  claude_path TEXT,
  capabilities TEXT NOT NULL DEFAULT '[]',
  max_sessions INTEGER NOT NULL DEFAULT 10,
  token_hash TEXT NOT NULL UNIQUE,
  last_seen_at INTEGER,
  connected_at INTEGER,
  woken_at INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX cn_machines_user ON cn_machines(user_id, created_at);
CREATE TABLE cn_pairings (
  code TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  agent_info TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  completed_at INTEGER,
  machine_id TEXT,
  machine_token TEXT
);
`,
  },
  sessionsMigration,
  projectsMigration,
  tasksMigration,
  taskOrderMigration,
  taskCountsMigration,
  redundantTaskIndexMigration,
  machineToolsMigration,
  {
    id: "claudenest-040-pairing-expiry",
    sql: "CREATE INDEX cn_pairings_expiry ON cn_pairings(expires_at);",
  },
  pairingSealMigration,
  credentialsMigration,
  agentPairingMigration,
  orchestratorsMigration,
  contextIndexMigration,
];

export const tables = [
  "cn_credentials",
  ...orchestratorsTables,
  ...machineToolsTables,
  ...projectsTables,
  ...sessionTables,
  "cn_pairings",
  "cn_machines",
  "cn_outbox",
  "cn_oauth_codes",
  "cn_magic_links",
  "cn_tokens",
  "cn_users",
];
