/**
 * @module
 * Tasks as the SDK gives them, whichever server answered: the document's task (server-lite), or ClaudeNest's own
 * (`app/Http/Controllers/Api/TaskController.php`, `formatTask`), which lists tasks without `files`,
 * `dependencies`, `estimated_tokens`, `completion_summary` and `files_modified`, and answers `claim`, `release`
 * and `complete` with the task itself where §7.7 shows `{task, message}`.
 */
import { eachOf, type Fields, isFields, one, orElse } from "./fields.ts";

/** A task with every key of the SDK's `Task`: keys a server left out get their empty value. */
export function readTask(task: Fields): Fields {
  const status = task.status;
  return {
    ...task,
    files: orElse(task.files, []),
    dependencies: orElse(task.dependencies, []),
    estimated_tokens: orElse(task.estimated_tokens, null),
    completion_summary: orElse(task.completion_summary, null),
    files_modified: orElse(task.files_modified, null),
    blocked_by: orElse(task.blocked_by, null),
    is_completed: orElse(task.is_completed, status === "completed" || status === "done"),
  };
}

/**
 * How `claim`, `release` or `complete` answered, as `{task, message}`: the documented answer as it is, or the
 * real server's bare task with `message` saying what happened.
 */
export function readTaskAction(message: string): (data: unknown) => unknown {
  return one((fields) =>
    isFields(fields.task)
      ? { task: readTask(fields.task), message: fields.message }
      : { task: readTask(fields), message },
  );
}

/** The `tasks` endpoints' shapers. */
export const taskShapers = {
  list: eachOf(readTask),
  create: one(readTask),
  nextAvailable: one(readTask),
  claimNext: one(readTask),
  get: one(readTask),
  update: one(readTask),
  claim: readTaskAction("Task claimed"),
  release: readTaskAction("Task released"),
  complete: readTaskAction("Task completed"),
};
