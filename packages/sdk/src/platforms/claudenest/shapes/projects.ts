/**
 * @module
 * A project's instances as the SDK gives them. ClaudeNest's own server
 * (`app/Http/Controllers/Api/ProjectController.php`, `instances`) sends `context_usage_percent` and
 * `current_task: {id, title}` where §6.7 shows `context_usage` and `current_task_id`; each name is given both.
 */
import { eachOf, type Fields, isFields, numeric, orElse } from "./fields.ts";

/** An instance with every key of the SDK's `Instance`. */
export function readInstance(instance: Fields): Fields {
  const usage = numeric(instance.context_usage ?? instance.context_usage_percent, 0);
  const current = isFields(instance.current_task) ? instance.current_task.id : null;
  return {
    ...instance,
    context_usage: usage,
    context_usage_percent: usage,
    current_task_id: orElse(instance.current_task_id, current),
    tasks_completed: orElse(instance.tasks_completed, 0),
    uptime: orElse(instance.uptime, 0),
  };
}

/** The `projects` endpoints' shapers. */
export const projectShapers = { instances: eachOf(readInstance) };
