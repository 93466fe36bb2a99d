/**
 * @module
 * `new ClaudeNest({ baseUrl, token })`: every endpoint of the contract as a typed method, plus the
 * hand-written helpers an agent needs: the task worker, the live terminal of a session, and watchers of a
 * project's tasks and locks.
 */
import type { ClientOptions } from "../../core/options.ts";
import type { PusherTransport } from "../../live/pusher-transport.ts";
import { definePlatform } from "../define.ts";
import type { AgentInfo } from "./contract/pairing.ts";
import { claudenestEnvelope } from "./envelope.ts";
import {
  type LockWatcher,
  type ProjectWatchOptions,
  type TaskWatcher,
  watchLocks,
  watchTasks,
} from "./live/project-watchers.ts";
import { type ClaudeNestRealtimeOptions, RealtimeSettings } from "./live/realtime.ts";
import { type AttachOptions, SessionTerminal } from "./live/terminal.ts";
import { type PairedMachine, type PairMachineOptions, pairMachine } from "./pairing.ts";
import { type ClaudeNestMethods, routes } from "./routes.generated.ts";
import { claudenestShapers } from "./shapes/index.ts";
import type { TaskHandler, WorkOptions, WorkResult } from "./worker.ts";

/** Options of a {@link ClaudeNest} client: the HTTP options and the realtime connection. */
export interface ClaudeNestOptions extends ClientOptions {
  /**
   * Live updates over the Pusher protocol (§13): the app key, where the server listens, the WebSocket class.
   * @example { appKey: "my-reverb-key", url: "wss://api.claudenest.io:8080" }
   */
  realtime?: ClaudeNestRealtimeOptions;
}

/** The hand-written helpers of the `tasks` resource, beside its endpoint methods. */
export interface TaskHelpers {
  /**
   * Runs a worker for one instance on a project until `options.signal` aborts: takes the next available task
   * (after losing a race for it, a task of the same priority, in an order of its own, so that many instances
   * do not keep racing for the same one), runs `handler`, and completes the task with the handler's
   * `{ summary, files_modified }` or releases it with the error's message. Waits with backoff while no task is
   * available. Resolves with what the worker did.
   * @example
   * const stop = new AbortController();
   * const done = await nest.tasks.work(project.id, "instance_1", async (task) => {
   *   return { summary: `Did ${task.title}`, files_modified: task.files };
   * }, { signal: stop.signal });
   */
  work(projectId: string, instanceId: string, handler: TaskHandler, options?: WorkOptions): Promise<WorkResult>;
  /**
   * Follows a project's tasks live: `task:claimed`, `task:released` and `task:completed` events, and after
   * every (re)connection a `resync` event with every task of the project.
   * @example
   * const watcher = nest.tasks.watch(project.id);
   * watcher.on("resync", (tasks) => render(tasks));
   * watcher.on("task:claimed", ({ task, instanceId }) => console.log(`${instanceId} took ${task.title}`));
   */
  watch(projectId: string, options?: ProjectWatchOptions): TaskWatcher;
}

/** The hand-written helpers of the `sessions` resource. */
export interface SessionHelpers {
  /**
   * A session's terminal, live: its recent output first, then what it writes; `write`, `resize`,
   * `terminate`; `exit` once it has ended. Reconnects by itself without losing or repeating output.
   * `POST /sessions/{id}/attach` itself is `attachToken`.
   * @example
   * const terminal = nest.sessions.attach(session.id);
   * terminal.write("ls\n");
   * for await (const chunk of terminal) process.stdout.write(chunk);
   */
  attach(sessionId: string, options?: AttachOptions): SessionTerminal;
}

/** The hand-written helpers of the `locks` resource. */
export interface LockHelpers {
  /**
   * Follows a project's file locks live: `file:locked` and `file:unlocked` events, and after every
   * (re)connection a `resync` event with the live locks.
   */
  watch(projectId: string, options?: ProjectWatchOptions): LockWatcher;
}

/**
 * A ClaudeNest client: every endpoint of the document as a typed method, by resource
 * (`nest.tasks.claim({ id, instance_id })`), plus the helpers agents need.
 * @example
 * const nest = new ClaudeNest({ baseUrl: "http://localhost:8000/api", token: process.env.CLAUDENEST_TOKEN });
 * const { task } = await nest.tasks.claim({ id: taskId, instance_id: "instance_1" });
 */
export class ClaudeNest extends definePlatform<ClaudeNestMethods, ClaudeNestOptions>({
  envelope: claudenestEnvelope,
  routes,
  shapers: claudenestShapers,
}) {
  /** §5 Terminal sessions on a machine, and `sessions.attach()`, a session's live terminal. */
  declare readonly sessions: ClaudeNestMethods["sessions"] & SessionHelpers;
  /** §9 File locks between the instances of a project, and `locks.watch()`. */
  declare readonly locks: ClaudeNestMethods["locks"] & LockHelpers;
  /** §7 Tasks, `tasks.work()`, the loop that claims and completes them, and `tasks.watch()`. */
  declare readonly tasks: ClaudeNestMethods["tasks"] & TaskHelpers;
  readonly #realtime: RealtimeSettings;

  constructor(options: ClaudeNestOptions) {
    super(options);
    const realtime = new RealtimeSettings(this.http.options, options.realtime);
    this.#realtime = realtime;
    const tasks: TaskHelpers = {
      // Loaded on first use: an application that never runs the worker loop does not carry it in its bundle.
      work: async (projectId, instanceId, handler, options) =>
        (await import("./worker.ts")).work(this, projectId, instanceId, handler, options),
      watch: (projectId, options) => watchTasks(this, realtime, projectId, options),
    };
    const sessions: SessionHelpers = {
      attach: (sessionId, options) => new SessionTerminal(this, realtime, sessionId, options),
    };
    const locks: LockHelpers = { watch: (projectId, options) => watchLocks(this, realtime, projectId, options) };
    Object.assign(this, {
      tasks: { ...this.tasks, ...tasks },
      sessions: { ...this.sessions, ...sessions },
      locks: { ...this.locks, ...locks },
    });
  }

  /**
   * A new live connection with this client's settings (private channels authorized through
   * `{baseUrl}/broadcasting/auth` with the client's token), to share between watchers; close it when done.
   * @example
   * const transport = nest.realtimeTransport();
   * const tasks = nest.tasks.watch(project.id, { transport });
   * const locks = nest.locks.watch(project.id, { transport });
   */
  realtimeTransport(): PusherTransport {
    return this.#realtime.transport();
  }

  /**
   * Pairs this agent: initiates, reports the code through `onCode`, polls with backoff until the user
   * confirms it (resolves with the machine id and token) or the code expires (`GoneError`, `PAR_002`).
   * @example
   * const { token } = await nest.pairMachine({ platform: "linux", hostname: "dev-box" }, {
   *   onCode: (code) => console.log(`Enter ${code} in the dashboard`),
   * });
   */
  pairMachine(agentInfo: AgentInfo, options?: PairMachineOptions): Promise<PairedMachine> {
    return pairMachine(this, agentInfo, options);
  }
}
