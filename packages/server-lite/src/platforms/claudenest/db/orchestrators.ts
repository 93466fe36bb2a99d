/**
 * @module
 * Each project's orchestrator state (beyond the document, as ClaudeNest's own server reaches it through the
 * machine's agent): whether it runs, since when, and the settings it was started with.
 */
export const orchestratorsMigration = {
  id: "claudenest-070-orchestrator-state",
  sql: `
CREATE TABLE cn_orchestrators (
  project_id TEXT PRIMARY KEY REFERENCES cn_projects(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  min_workers INTEGER NOT NULL,
  max_workers INTEGER NOT NULL,
  poll_interval_ms INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  stopped_at INTEGER
);
`,
};

/** The tables a reset empties, children first. */
export const orchestratorsTables = ["cn_orchestrators"];
