/**
 * @module
 * `nest.tasks.watch(projectId)` and `nest.locks.watch(projectId)`: list-then-watch on the project's channel.
 * After every (re)connection, once subscribed, each emits `resync` with the current list (every page of
 * tasks; the live locks), then the live events. The project's channel carries both kinds of events (and
 * broadcasts): each watcher passes on only its own. The channel is followed under the client's
 * `realtime.channels` naming (`namings.ts`): the document's `private-project.{id}`, the real server's
 * `private-projects.{id}` (its dot-named events read into the document's, `real-events.ts`), or both.
 */
import { createResyncingWatcher, type ResyncEvents } from "../../../live/channel-watcher.ts";
import type { LiveTransport } from "../../../live/transport.ts";
import type { Watcher, WatcherOptions } from "../../../live/watcher.ts";
import type { Lock } from "../contract/locks.ts";
import type { Task } from "../contract/tasks.ts";
import type { ClaudeNestMethods } from "../routes.generated.ts";
import { type LockEvents, projectChannel, type TaskEvents } from "./events.ts";
import { namedChannels, realEventReader } from "./namings.ts";
import type { RealtimeSettings } from "./realtime.ts";

/** The part of a ClaudeNest client this module uses. */
type Nest = Pick<ClaudeNestMethods, "tasks" | "locks">;

/** Options of `nest.tasks.watch()` and `nest.locks.watch()`. */
export interface ProjectWatchOptions extends WatcherOptions {
  /**
   * A connection to share with other watchers (it stays open when the watcher closes); by default the watcher
   * opens its own and closes it with itself.
   * @example const transport = nest.realtimeTransport(); nest.tasks.watch(id, { transport }); nest.locks.watch(id, { transport });
   */
  transport?: LiveTransport;
}

/** Tasks as they change: `task:claimed`, `task:released`, `task:completed`, and `resync` with every task. */
export type TaskWatcher = Watcher<ResyncEvents<TaskEvents, Task[]>>;
/** Locks as they change: `file:locked`, `file:unlocked`, and `resync` with the live locks. */
export type LockWatcher = Watcher<ResyncEvents<LockEvents, Lock[]>>;

const TASK_EVENTS: ReadonlySet<string> = new Set(["task:claimed", "task:released", "task:completed"]);
const LOCK_EVENTS: ReadonlySet<string> = new Set(["file:locked", "file:unlocked"]);

function watchProject<Events extends object, State>(
  nest: Nest,
  settings: RealtimeSettings,
  projectId: string,
  events: ReadonlySet<string>,
  resync: (signal: AbortSignal) => Promise<State>,
  options: ProjectWatchOptions,
): Watcher<ResyncEvents<Events, State>> {
  const { transport, ...watcherOptions } = options;
  const read = realEventReader((id) => nest.tasks.get({ id }));
  const view = namedChannels(transport ?? settings.transport(), settings.naming, read, events, transport === undefined);
  return createResyncingWatcher<Events, State>({
    ...watcherOptions,
    transport: view,
    channels: [projectChannel(projectId)],
    resync,
    ...(settings.backoff === undefined ? {} : { backoff: settings.backoff }),
  });
}

export function watchTasks(
  nest: Nest,
  settings: RealtimeSettings,
  projectId: string,
  options: ProjectWatchOptions = {},
): TaskWatcher {
  return watchProject<TaskEvents, Task[]>(
    nest,
    settings,
    projectId,
    TASK_EVENTS,
    async (signal) => {
      const tasks: Task[] = [];
      for await (const task of nest.tasks.list({ project: projectId, per_page: 100 }, { signal })) tasks.push(task);
      return tasks;
    },
    options,
  );
}

export function watchLocks(
  nest: Nest,
  settings: RealtimeSettings,
  projectId: string,
  options: ProjectWatchOptions = {},
): LockWatcher {
  return watchProject<LockEvents, Lock[]>(
    nest,
    settings,
    projectId,
    LOCK_EVENTS,
    (signal) => nest.locks.list({ project: projectId }, { signal }),
    options,
  );
}
