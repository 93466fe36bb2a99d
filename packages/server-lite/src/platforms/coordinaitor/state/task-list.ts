/**
 * @module
 * One page of tasks a caller sees, with the document's filters, search and order; shared by the task list (both
 * roots), an agent's tasks and a project's tasks.
 */

import type { Page } from "@agentlane/sdk/contract";
import type { ListTasksQuery, Task } from "@agentlane/sdk/coordinaitor/contract";
import type { CoUser } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { visibleTasks } from "./access.ts";
import { type TaskViewRow, taskView } from "./views.ts";

/** Default and largest page size (§Pagination Format). */
export const DEFAULT_LIMIT = 20;

const ORDER: Record<string, string> = {
  createdAt: "t.created_at",
  updatedAt: "t.updated_at",
  priority: "CASE t.priority WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END",
  dueDate: "t.due_date",
};

/** `%` and `_` taken literally in a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of the tasks a caller sees that match the query. */
export function listTasks(services: CoServices, caller: CoUser, query: Partial<ListTasksQuery>): Page<Task> {
  const where = [visibleTasks(caller)];
  const add = (sql: string, ...args: unknown[]) => where.push({ sql, args });
  if (query.status) add("t.status = ?", query.status);
  if (query.priority) add("t.priority = ?", query.priority);
  if (query.projectId) add("t.project_id = ?", query.projectId);
  if (query.agentId) add("t.agent_id = ?", query.agentId);
  if (query.search) {
    const pattern = likePattern(query.search);
    add("(t.title LIKE ? ESCAPE '\\' OR t.description LIKE ? ESCAPE '\\')", pattern, pattern);
  }
  for (const tag of (query.tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean))
    add("EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = ?)", tag);
  if (query.createdAfter) add("t.created_at >= ?", Date.parse(query.createdAfter));
  if (query.createdBefore) add("t.created_at <= ?", Date.parse(query.createdBefore));
  const direction = query.sortOrder === "asc" ? "ASC" : "DESC";
  const column = ORDER[query.sortBy ?? "createdAt"]!;
  // Tasks without a due date go last whichever the direction.
  const orderBy = `${query.sortBy === "dueDate" ? "t.due_date IS NULL, " : ""}${column} ${direction}, t.rowid ${direction}`;
  const page = query.page ?? 1;
  const perPage = query.limit ?? DEFAULT_LIMIT;
  const found = services.db.page<TaskViewRow>({
    columns: "t.*, a.name AS agent_name, a.type AS agent_type, p.name AS project_name",
    from: "co_tasks t LEFT JOIN co_agents a ON a.id = t.agent_id LEFT JOIN co_projects p ON p.id = t.project_id",
    where: where.map((w) => `(${w.sql})`).join(" AND "),
    args: where.flatMap((w) => w.args),
    orderBy,
    page,
    perPage,
  });
  return { items: found.rows.map((row) => taskView(services, row)), page, perPage, total: found.total };
}
