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
