/**
 * @module
 * Indexes for the task queue (the tables themselves are in `projects.ts`): the next available task is
 * read in priority order straight from an index, expired claims are found without scanning the project, and
 * a page of a project's tasks is read in order from an index instead of sorting the whole project.
 */

/** Priority as a sort key, lowest first. Queries must write it exactly so for SQLite to use the index. */
export const PRIORITY_RANK = "CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END";

export const tasksMigration = {
  id: "claudenest-030-tasks",
  sql: `
CREATE INDEX cn_tasks_available ON cn_tasks(project_id, status, (${PRIORITY_RANK}));
CREATE INDEX cn_tasks_claims ON cn_tasks(project_id, claimed_at) WHERE status = 'in_progress';
CREATE INDEX cn_tasks_assigned ON cn_tasks(project_id, assigned_to) WHERE status = 'in_progress';
`,
};

/** A project's tasks in creation order: the list reads its page from here rather than sorting every task. */
export const taskOrderMigration = {
  id: "claudenest-031-task-order",
  sql: "CREATE INDEX cn_tasks_order ON cn_tasks(project_id, seq);",
};

/**
 * How many tasks each project has per status, kept by triggers in the same statement as every change to
 * `cn_tasks` (cascades from a deleted project included), so a list's total is one row read instead of a walk
 * over the project's index entries. It is derived data: it is neither snapshotted nor truncated (the triggers
 * keep it right through both), and the migration counts the tasks that exist already.
 */
export const taskCountsMigration = {
  id: "claudenest-032-task-counts",
  sql: `
CREATE TABLE cn_task_counts (
  project_id TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (project_id, status)
) WITHOUT ROWID;
INSERT INTO cn_task_counts (project_id, status, n) SELECT project_id, status, count(*) FROM cn_tasks GROUP BY project_id, status;
CREATE TRIGGER cn_task_counts_insert AFTER INSERT ON cn_tasks BEGIN
  INSERT INTO cn_task_counts (project_id, status, n) VALUES (NEW.project_id, NEW.status, 1)
    ON CONFLICT (project_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER cn_task_counts_delete AFTER DELETE ON cn_tasks BEGIN
  UPDATE cn_task_counts SET n = n - 1 WHERE project_id = OLD.project_id AND status = OLD.status;
  DELETE FROM cn_task_counts WHERE project_id = OLD.project_id AND status = OLD.status AND n = 0;
END;
CREATE TRIGGER cn_task_counts_update AFTER UPDATE OF project_id, status ON cn_tasks
  WHEN OLD.project_id IS NOT NEW.project_id OR OLD.status IS NOT NEW.status BEGIN
  UPDATE cn_task_counts SET n = n - 1 WHERE project_id = OLD.project_id AND status = OLD.status;
  DELETE FROM cn_task_counts WHERE project_id = OLD.project_id AND status = OLD.status AND n = 0;
  INSERT INTO cn_task_counts (project_id, status, n) VALUES (NEW.project_id, NEW.status, 1)
    ON CONFLICT (project_id, status) DO UPDATE SET n = n + 1;
END;
`,
};

/**
 * `cn_tasks_project (project_id, status)`, from the first schema, is a prefix of `cn_tasks_available`, which answers
 * every lookup it did (and the cascade from a deleted project): it only cost every task write one more index entry.
 */
export const redundantTaskIndexMigration = {
  id: "claudenest-033-drop-redundant-task-index",
  sql: "DROP INDEX IF EXISTS cn_tasks_project;",
};
