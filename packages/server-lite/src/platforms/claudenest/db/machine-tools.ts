/**
 * @module
 * Tables of what lives on a machine: skills, MCP servers, discovered commands and the executions queued for
 * them. Each row belongs to a machine and goes with it (ON DELETE CASCADE). Lists (args, tools, options)
 * and maps (metadata, env) are JSON text.
 */
export const machineToolsMigration = {
  id: "claudenest-002-machine-tools",
  sql: `
CREATE TABLE cn_skills (
  id TEXT PRIMARY KEY,
  machine_id TEXT NOT NULL REFERENCES cn_machines(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  content TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  priority INTEGER NOT NULL DEFAULT 0,
  metadata TEXT NOT NULL DEFAULT '{}',
  size_bytes INTEGER NOT NULL,
  last_modified TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (machine_id, path)
);
CREATE TABLE cn_mcp_servers (
  id TEXT PRIMARY KEY,
  machine_id TEXT NOT NULL REFERENCES cn_machines(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  display_name TEXT,
  transport TEXT NOT NULL DEFAULT 'stdio',
  command TEXT NOT NULL,
  args TEXT NOT NULL DEFAULT '[]',
  env TEXT NOT NULL DEFAULT '{}',
  auto_start INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'stopped' CHECK (status IN ('stopped', 'starting', 'running', 'error')),
  tools TEXT NOT NULL DEFAULT '[]',
  last_error TEXT,
  last_started_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (machine_id, name)
);
CREATE TABLE cn_commands (
  id TEXT PRIMARY KEY,
  machine_id TEXT NOT NULL REFERENCES cn_machines(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  description TEXT,
  command TEXT NOT NULL,
  category TEXT,
  is_dangerous INTEGER NOT NULL DEFAULT 0,
  arguments TEXT NOT NULL DEFAULT '[]',
  options TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  UNIQUE (machine_id, command)
);
CREATE INDEX cn_commands_machine_name ON cn_commands(machine_id, name);
CREATE TABLE cn_command_executions (
  id TEXT PRIMARY KEY,
  machine_id TEXT NOT NULL REFERENCES cn_machines(id) ON DELETE CASCADE,
  command_id TEXT REFERENCES cn_commands(id) ON DELETE SET NULL,
  command_line TEXT NOT NULL,
  cwd TEXT,
  status TEXT NOT NULL DEFAULT 'queued',
  queued_at TEXT NOT NULL
);
CREATE INDEX cn_command_executions_machine ON cn_command_executions(machine_id, status, queued_at);
`,
};

export const machineToolsTables = ["cn_command_executions", "cn_commands", "cn_mcp_servers", "cn_skills"];
