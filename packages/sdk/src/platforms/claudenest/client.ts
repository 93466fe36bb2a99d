/**
 * @module
 * `new ClaudeNest({ baseUrl, token })`: every endpoint of the contract as a typed method, plus the
 * hand-written helpers an agent needs.
 */
import { HttpClient } from "../../core/http-client.ts";
import type { ClientOptions } from "../../core/options.ts";
import { bindContract, type ContractClient } from "../../core/resource.ts";
import type { ClaudeNestContract } from "./contract/index.ts";
import type { AgentInfo } from "./contract/pairing.ts";
import { claudenestEnvelope } from "./envelope.ts";
import { type PairedMachine, type PairMachineOptions, pairMachine } from "./pairing.ts";
import { routes } from "./routes.generated.ts";
import { type TaskHandler, type WorkOptions, type WorkResult, work } from "./worker.ts";

export type ClaudeNestOptions = ClientOptions;

type Resources = ContractClient<ClaudeNestContract>;

/** The hand-written helpers of the `tasks` resource, beside its endpoint methods. */
export interface TaskHelpers {
  /**
   * Runs a worker for one instance on a project until `options.signal` aborts: takes the next available task,
   * claims it (asking again when another instance wins), runs `handler`, and completes the task with the
   * handler's `{ summary, files_modified }` or releases it with the error's message. Waits with backoff while
   * no task is available. Resolves with what the worker did.
   * @example
   * const stop = new AbortController();
   * const done = await nest.tasks.work(project.id, "instance_1", async (task) => {
   *   return { summary: `Did ${task.title}`, files_modified: task.files };
   * }, { signal: stop.signal });
   */
  work(projectId: string, instanceId: string, handler: TaskHandler, options?: WorkOptions): Promise<WorkResult>;
}

export class ClaudeNest {
  /** The HTTP client every method goes through. */
  readonly http: HttpClient;
  /** §16 Health check. */
  declare readonly health: Resources["health"];
  /** §2 Login, registration, tokens, magic links, OAuth. */
  declare readonly auth: Resources["auth"];
  /** §3 Pairing an agent's machine. */
  declare readonly pairing: Resources["pairing"];
  /** §4 Machines. */
  declare readonly machines: Resources["machines"];
  /** §6 Shared projects, their instances and activity. */
  declare readonly projects: Resources["projects"];
  /** §5 Terminal sessions on a machine. */
  declare readonly sessions: Resources["sessions"];
  /** §8 A project's shared context: sections, chunks, relevance search and summaries. */
  declare readonly context: Resources["context"];
  /** §9 File locks between the instances of a project. */
  declare readonly locks: Resources["locks"];
  /** §10 Skills of a machine, addressed by path (`team/debugging`). */
  declare readonly skills: Resources["skills"];
  /** §11 MCP servers of a machine: start them, list and call their tools. */
  declare readonly mcp: Resources["mcp"];
  /** §12 Commands discovered on a machine: browse, search, queue for execution. */
  declare readonly commands: Resources["commands"];
  /** §7 Tasks, and `tasks.work()`, the loop that claims and completes them. */
  declare readonly tasks: Resources["tasks"] & TaskHelpers;

  constructor(options: ClaudeNestOptions) {
    this.http = new HttpClient(options, claudenestEnvelope);
    const resources = bindContract<ClaudeNestContract>(this.http, routes);
    const helpers: TaskHelpers = {
      work: (projectId, instanceId, handler, options) => work(this, projectId, instanceId, handler, options),
    };
    Object.assign(this, resources, { tasks: { ...resources.tasks, ...helpers } });
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
