/**
 * @module
 * How `tasks.work()` picks and claims its next task when many instances share a project, without all of them
 * racing for the same one.
 *
 * Where the server has `claim-next` (ClaudeNest's own server and server-lite, beyond the document), each attempt
 * is that one call: the server chooses and claims the next task in one transaction, so no race is ever lost and
 * tasks are taken in true priority-then-age order, even under contention. A server without it answers 404 (or
 * 405) and the worker goes on as below, for the rest of its run.
 *
 * Otherwise each attempt starts with `next-available`. A worker that has lost no race lately claims the task it names,
 * so a worker alone follows the documented order exactly: highest priority first, oldest first among equals.
 *
 * When that claim is lost, the instances that asked at the same moment are racing for the same task, and
 * asking again would send them all to the same next one. So the worker lists, once, the oldest pending tasks
 * of that priority (`LISTED_PAGE` of them; the next lower priority when none of them is claimable and the
 * page held the whole group, which is what `next-available` would name next), keeps those neither blocked
 * nor claimed, and tries at most `MAX_LISTED_TRIES` of them in an order of its own: each task is ranked by a
 * hash of the instance id, the worker's listing count and the task id, so every instance walks the group in a
 * different, stable order and two instances rarely try the same task. When every try is lost, or nothing
 * could be listed, the worker asks `next-available` again.
 *
 * A race lost once is usually lost again at the next task: for its next `SPREAD_ATTEMPTS` attempts after a
 * lost race, the worker skips claiming the task `next-available` names, where the others crowd, and claims
 * from the spread list straight away; it still asks `next-available` first, which keeps the priority group
 * right, and it falls back to the named task when the list holds nothing claimable.
 *
 * Under contention the order therefore holds between priorities but only loosely within one: a task may be
 * claimed before older tasks of the same priority that other instances are about to take.
 */
import { type APIError, isAPIError } from "../../core/errors/api-error.ts";
import type { Task, TaskPriority } from "./contract/tasks.ts";
import type { ClaudeNestMethods } from "./routes.generated.ts";

/** The part of a ClaudeNest client this module uses. */
type Nest = Pick<ClaudeNestMethods, "tasks">;

/** Listed tasks tried in one attempt before the worker asks `next-available` again. */
export const MAX_LISTED_TRIES = 3;

/** How many of a priority's oldest pending tasks are listed: the spread covers them. */
export const LISTED_PAGE = 50;

/** Attempts after a lost race that go straight to the spread list. */
const SPREAD_ATTEMPTS = 8;

const PRIORITIES: readonly TaskPriority[] = ["critical", "high", "medium", "low"];

export const isCode = (error: unknown, code: string): error is APIError => isAPIError(error) && error.code === code;

/** What one attempt to take a task came to. */
export type ClaimAttempt =
  | { type: "claimed"; task: Task }
  /** `next-available` had nothing: no task can be claimed right now. */
  | { type: "none" }
  /** Every task tried was taken by another instance first. */
  | { type: "lost" };

/** FNV-1a, 32 bits: cheap and stable, and it spreads short strings well enough to order candidates. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The tasks in the order an instance tries them on its `listing`-th listing: stable, and its own. */
export function spreadOrder(tasks: readonly Task[], instanceId: string, listing: number): Task[] {
  const salt = `${instanceId}\u0000${listing}\u0000`;
  return tasks
    .map((task) => ({ task, rank: hash(salt + task.id) }))
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.task);
}

/**
 * The claim attempts of one worker. `onConflict` is told of each claim lost to another instance (or to a
 * task deleted or blocked since it was read). Reads are aborted by `signal`; claims are not, so that a claim
 * the server granted is always known to the caller.
 */
export function taskClaimer(
  nest: Nest,
  projectId: string,
  instanceId: string,
  signal: AbortSignal,
  onConflict: (task: Task) => void,
): () => Promise<ClaimAttempt> {
  let listings = 0;
  /** Attempts left that go straight to the spread list. */
  let spreading = 0;

  const tryClaim = async (task: Task): Promise<Task | undefined> => {
    try {
      return (await nest.tasks.claim({ id: task.id, instance_id: instanceId })).task;
    } catch (error) {
      if (!isCode(error, "TSK_002") && !isCode(error, "TSK_001")) throw error;
      spreading = SPREAD_ATTEMPTS;
      onConflict(task);
      return undefined;
    }
  };

  /** The claimable listed tasks of the highest priority, from `priority` down, that has some. */
  const listClaimable = async (priority: TaskPriority): Promise<Task[]> => {
    for (let rank = PRIORITIES.indexOf(priority); rank < PRIORITIES.length; rank++) {
      const page = await nest.tasks.list(
        { project: projectId, status: "pending", priority: PRIORITIES[rank], per_page: LISTED_PAGE },
        { signal },
      );
      const claimable = page.filter((task) => !task.is_blocked && !task.is_claimed);
      if (claimable.length > 0) return claimable;
      // A full page of blocked tasks may hide claimable ones further on; `next-available` names them.
      if (page.length >= LISTED_PAGE) return [];
    }
    return [];
  };

  /** Until the server shows it has no `claim-next`. */
  let claimNext = true;

  const listAndClaim = async (): Promise<ClaimAttempt> => {
    const next = await nest.tasks.nextAvailable({ project: projectId }, { signal });
    if (!next) return { type: "none" };
    const spread = spreading > 0;
    if (spread) spreading--;
    else {
      const task = await tryClaim(next);
      if (task) return { type: "claimed", task };
      if (signal.aborted) return { type: "lost" };
    }
    const listed = await listClaimable(next.priority);
    const candidates =
      listed.length > 0 ? spreadOrder(listed, instanceId, listings++).slice(0, MAX_LISTED_TRIES) : spread ? [next] : [];
    for (const candidate of candidates) {
      if (signal.aborted) break;
      const task = await tryClaim(candidate);
      if (task) return { type: "claimed", task };
    }
    return { type: "lost" };
  };

  return async () => {
    if (claimNext) {
      try {
        // Not aborted by `signal`, like `claim`: a task the server claimed is always known to the worker.
        const task = await nest.tasks.claimNext({ project: projectId, instance_id: instanceId });
        return task ? { type: "claimed", task } : { type: "none" };
      } catch (error) {
        if (!lacksRoute(error)) throw error;
        claimNext = false;
      }
    }
    return listAndClaim();
  };
}

/** A 404 or 405 that is not about the project: the server has no such route. */
function lacksRoute(error: unknown): boolean {
  return (
    isAPIError(error) &&
    (error.status === 404 || error.status === 405) &&
    error.code !== "PRJ_001" &&
    // ClaudeNest's own `claimNext` answers an unknown project with `CTX_001`.
    error.code !== "CTX_001"
  );
}
