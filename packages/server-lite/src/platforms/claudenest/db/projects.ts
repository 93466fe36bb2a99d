/**
 * @module
 * The coordination tables of a shared project: the project, its instances and activity, tasks with their
 * dependencies, file locks and context chunks. Times compared with the clock are epoch milliseconds.
 */
export const projectsMigration = {
  id: "claudenest-020-projects",
  sql: `
CREATE TABLE cn_projects (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES cn_users(id) ON DELETE CASCADE,
  machine_id TEXT NOT NULL REFERENCES cn_machines(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  project_path TEXT NOT NULL,
  summary TEXT,
  architecture TEXT,
  conventions TEXT,
  current_focus TEXT,
  recent_changes TEXT,
  settings TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (machine_id, project_path)
);
CREATE INDEX cn_projects_user ON cn_projects(user_id);
CREATE TABLE cn_instances (
  project_id TEXT NOT NULL REFERENCES cn_projects(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  tasks_completed INTEGER NOT NULL DEFAULT 0,
  current_task_id TEXT,
  first_seen_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE TABLE cn_activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL REFERENCES cn_projects(id) ON DELETE CASCADE,
  instance_id TEXT,
  type TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE INDEX cn_activity_project ON cn_activity(project_id, seq);
CREATE TABLE cn_tasks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL REFERENCES cn_projects(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT,
  priority TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'critical')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'completed')),
  assigned_to TEXT,
  claimed_at INTEGER,
  completed_at INTEGER,
  files TEXT NOT NULL DEFAULT '[]',
  estimated_tokens INTEGER,
  completion_summary TEXT,
  files_modified TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cn_tasks_project ON cn_tasks(project_id, status);
CREATE TABLE cn_task_dependencies (
  task_id TEXT NOT NULL REFERENCES cn_tasks(id) ON DELETE CASCADE,
  depends_on TEXT NOT NULL REFERENCES cn_tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, depends_on)
);
CREATE INDEX cn_task_dependencies_on ON cn_task_dependencies(depends_on);
CREATE TABLE cn_locks (
  project_id TEXT NOT NULL REFERENCES cn_projects(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  locked_by TEXT NOT NULL,
  reason TEXT,
  locked_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, path)
);
CREATE TABLE cn_context_chunks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  project_id TEXT NOT NULL REFERENCES cn_projects(id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  type TEXT NOT NULL,
  instance_id TEXT,
  task_id TEXT,
  files TEXT NOT NULL DEFAULT '[]',
  importance_score REAL NOT NULL DEFAULT 0.5,
  expires_at INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX cn_context_chunks_project ON cn_context_chunks(project_id, seq);
`,
};

export const projectsTables = [
  "cn_context_chunks",
  "cn_locks",
  "cn_task_dependencies",
  "cn_tasks",
  "cn_activity",
  "cn_instances",
  "cn_projects",
];
