/**
 * @module
 * Claiming the next task in one step, beyond the document: ClaudeNest's own server answers
 * `POST /projects/{project}/tasks/claim-next` (`app/Http/Controllers/Api/TaskController.php`, `claimNext`, over
 * `SharedTask::claimNextAvailable`).
 * - Atomic: the highest priority pending task whose dependencies are all completed, oldest first among equals (the
 *   task `next-available` would offer), is claimed for `instance_id` in one transaction, so concurrent callers each
 *   get a different task and nobody loses a race. `data` is the claimed task, or `null` when none is available.
 * - A task the instance already holds is not offered again; the claim publishes `task:claimed` like `claim`.
 * - `nest.tasks.work` uses it, and falls back to `next-available` and `claim` against a server without it.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id } from "./common.ts";
import { InstanceClaimSchema, type Task, TaskSchema } from "./tasks.ts";

const claimNext = endpoint({
  method: "POST",
  path: "/projects/{project}/tasks/claim-next",
  summary: "Claim the next available task for an instance in one step, or null when none is available",
  auth: "agent",
  params: z.object({ project: Id }),
  body: named<{ instance_id: string }>(InstanceClaimSchema),
  response: named<Task | null>(TaskSchema.nullable()),
  errors: ["PRJ_001"],
  beyondDocument: "ClaudeNest's own server, TaskController::claimNext",
});

/** The task queue endpoint, added to the `tasks` resource. */
export const taskQueue = { claimNext };
