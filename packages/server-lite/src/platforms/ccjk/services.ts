/**
 * @module
 * What CCJK Cloud's handlers share: the store and clock, accounts and keys, the sync and task state that advance
 * on the clock, the plugin packages built once per server, and the webhook runtime that reports events.
 */
import type { Clock } from "../../core/clock.ts";
import type { EventBus } from "../../core/events.ts";
import type { Environment } from "../../core/platform.ts";
import type { Database } from "../../store/database.ts";
import { catalogPlugins } from "./catalog/plugins.ts";
import { buildPluginPackage, type PluginPackage } from "./catalog/tarball.ts";
import { Ticker } from "./runtime/ticker.ts";
import { Webhooks } from "./runtime/webhooks.ts";
import { Accounts } from "./state/accounts.ts";
import { SkillRegistry } from "./state/skills.ts";
import { SyncState } from "./state/sync.ts";
import { TaskState } from "./state/tasks.ts";

/** The services of a mounted CCJK Cloud platform. */
export class CCJKServices {
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly accounts: Accounts;
  readonly webhooks: Webhooks;
  readonly sync: SyncState;
  readonly tasks: TaskState;
  readonly skills: SkillRegistry;
  /** Advances time-driven state in real time (the CLI's server); tests advance the clock and read instead. */
  readonly ticker: Ticker;
  #packages: Map<string, PluginPackage> | undefined;
  readonly #stopListening: () => void;

  constructor(env: Environment) {
    this.db = env.db;
    this.clock = env.clock;
    this.events = env.events;
    this.accounts = new Accounts(env.db, env.clock);
    this.webhooks = new Webhooks(env.db, env.clock);
    const notify = this.webhooks.notify;
    this.sync = new SyncState(env.db, env.clock, notify);
    this.tasks = new TaskState(env.db, env.clock, notify);
    this.skills = new SkillRegistry(env.db, env.clock);
    this.ticker = new Ticker(() => this.settleAll());
    // Jobs and tasks that end while the clock jumps (a test's `advance`) report at once; real time, by the ticker.
    this.#stopListening = env.clock.onAdvance(() => this.settleAll());
    // The ticker has no request to answer an error on: it is reported and the next tick tries again.
    this.ticker.start((error) => console.error("server-lite ccjk: settling jobs and tasks failed", error));
  }

  /** Every plugin's package, built on first use. */
  packages(): Map<string, PluginPackage> {
    this.#packages ??= new Map(catalogPlugins.map((p) => [p.id, buildPluginPackage(p)]));
    return this.#packages;
  }

  /** Brings every account's jobs and tasks up to the clock, firing the webhooks of what ended meanwhile. */
  settleAll(): void {
    for (const accountId of this.sync.accountsWithWork()) this.sync.settle(accountId);
    for (const { account_id, role } of this.tasks.openWork()) this.tasks.settle(account_id, role);
  }

  /** Brings one account's tasks up to the clock. */
  settleTasks(accountId: string): void {
    for (const { role } of this.tasks.openWork(accountId)) this.tasks.settle(accountId, role);
  }

  /** Stops timers and deliveries. */
  dispose(): void {
    this.#stopListening();
    this.ticker.stop();
    this.webhooks.stop();
  }
}
