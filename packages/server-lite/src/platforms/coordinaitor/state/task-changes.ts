/**
 * @module
 * Changing a task: one place that writes the new values, records the history (`updated` with the fields changed,
 * `status_changed` with `from` and `to`), keeps the timing the metrics read (when the assigned agent first
 * responded, how long the task was active, when it was completed, how many changes came after its first
 * completion), and says which events to publish.
 */
import { randomUUID } from "node:crypto";
import type { CoServices } from "../services.ts";
import type { TaskRow } from "./views.ts";

/** Writes a history entry of a task. */
export function recordHistory(
  services: CoServices,
  taskId: string,
  userId: string,
  action: string,
  from: unknown,
  to: unknown,
  reason: string | null,
): void {
  services.db.run(
    "INSERT INTO co_task_history (id, task_id, action, from_value, to_value, user_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    `history-${randomUUID()}`,
    taskId,
    action,
    from === undefined ? null : JSON.stringify(from),
    to === undefined ? null : JSON.stringify(to),
    userId,
    reason,
    services.now(),
  );
}

/** Column of each task field a change may name, and how it is stored. */
const COLUMNS: Record<string, { column: keyof TaskRow; json?: boolean }> = {
  title: { column: "title" },
  description: { column: "description" },
  priority: { column: "priority" },
  status: { column: "status" },
  dueDate: { column: "due_date" },
  tags: { column: "tags", json: true },
  estimatedHours: { column: "estimated_hours" },
  actualHours: { column: "actual_hours" },
  progress: { column: "progress" },
  requirements: { column: "requirements", json: true },
  acceptanceCriteria: { column: "acceptance", json: true },
  agentId: { column: "agent_id" },
};

/** Applies changes (API field names) to a task; answers the events to publish, none when nothing changed. */
export function changeTask(
  services: CoServices,
  row: TaskRow,
  changes: Record<string, unknown>,
  userId: string,
  reason: string | null,
): string[] {
  const now = services.now();
  const sets: string[] = [];
  const args: unknown[] = [];
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(changes)) {
    const spec = COLUMNS[field];
    if (!spec || value === undefined) continue;
    const stored = spec.json ? JSON.stringify(value) : value;
    const current = row[spec.column];
    if (stored === current) continue;
    sets.push(`${spec.column} = ?`);
    args.push(stored);
    changed[field] = { from: spec.json ? JSON.parse(String(current)) : current, to: value };
  }
  if (sets.length === 0) return [];
  const events = ["task.updated"];
  const status = changed.status?.to as TaskRow["status"] | undefined;
  if (status) {
    // The first time the assigned agent takes the task up (or it ends), it has responded.
    if (row.agent_id && row.responded_at === null && row.status === "pending") {
      sets.push("responded_at = ?");
      args.push(now);
    }
    if (status === "active" && row.active_since === null) {
      sets.push("active_since = ?");
      args.push(now);
    }
    if (status !== "active" && row.active_since !== null) {
      sets.push("active_since = NULL", "active_ms = active_ms + ?");
      args.push(now - row.active_since);
    }
    if (status === "completed") {
      sets.push("completed_at = ?");
      args.push(now);
      if (row.first_completed_at === null) {
        sets.push("first_completed_at = ?");
        args.push(now);
      }
      if (changes.progress === undefined) sets.push("progress = 1");
      events.push("task.completed");
    } else if (row.status === "completed") sets.push("completed_at = NULL");
    if (status === "failed") events.push("task.failed");
  }
  if (row.first_completed_at !== null) sets.push("change_requests = change_requests + 1");
  sets.push("updated_at = ?");
  args.push(now);
  services.db.run(`UPDATE co_tasks SET ${sets.join(", ")} WHERE id = ?`, ...args, row.id);
  const { status: statusChange, ...fields } = changed;
  if (Object.keys(fields).length > 0)
    recordHistory(
      services,
      row.id,
      userId,
      "updated",
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.from])),
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.to])),
      reason,
    );
  if (statusChange)
    recordHistory(services, row.id, userId, "status_changed", statusChange.from, statusChange.to, reason);
  return events;
}
