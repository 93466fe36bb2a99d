/**
 * @module
 * `nest.tasks.watch(projectId)` and `nest.locks.watch(projectId)`: list-then-watch on the project's channel.
 * After every (re)connection, once subscribed, each emits `resync` with the current list (every page of
 * tasks; the live locks), then the live events. The project's channel carries both kinds of events (and
 * broadcasts): each watcher passes on only its own.
 */
import { createResyncingWatcher, type ResyncEvents } from "../../../live/channel-watcher.ts";
import type { ChannelHandlers, LiveTransport } from "../../../live/transport.ts";
import type { Watcher, WatcherOptions } from "../../../live/watcher.ts";
import type { Lock } from "../contract/locks.ts";
import type { Task } from "../contract/tasks.ts";
import type { ClaudeNestMethods } from "../routes.generated.ts";
import { type LockEvents, projectChannel, type TaskEvents } from "./events.ts";
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

/**
 * A view of a transport that passes on only some events. An owned transport is closed once the last
 * subscription made through the view is released (a watcher releases its subscriptions when it stops).
 */
function onlyEvents(transport: LiveTransport, events: ReadonlySet<string>, owned: boolean): LiveTransport {
  let subscriptions = 0;
  return {
    get status() {
      return transport.status;
    },
    get closeError() {
      return transport.closeError;
    },
    subscribe(channel: string, handlers: ChannelHandlers) {
      subscriptions++;
      const unsubscribe = transport.subscribe(channel, {
        ...handlers,
        event: (event, data) => {
          if (events.has(event)) handlers.event(event, data);
        },
      });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        unsubscribe();
        if (--subscriptions === 0 && owned) transport.close();
      };
    },
    on: (event: any, listener: any) => transport.on(event, listener),
    off: (event: any, listener: any) => transport.off(event, listener),
    close: () => {
      if (owned) transport.close();
    },
  };
}

function watchProject<Events extends object, State>(
  settings: RealtimeSettings,
  projectId: string,
  events: ReadonlySet<string>,
  resync: (signal: AbortSignal) => Promise<State>,
  options: ProjectWatchOptions,
): Watcher<ResyncEvents<Events, State>> {
  const { transport, ...watcherOptions } = options;
  const view = onlyEvents(transport ?? settings.transport(), events, transport === undefined);
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
    settings,
    projectId,
    LOCK_EVENTS,
    (signal) => nest.locks.list({ project: projectId }, { signal }),
    options,
  );
}
