/**
 * @module
 * What CAIPE handlers share: the store, the clock, the outbound settings and clients, and the stores of users,
 * configs, hub skills, scans, jobs and the policy.
 */
import type { Clock } from "../../../core/clock.ts";
import type { Environment } from "../../../core/platform.ts";
import type { Database } from "../../../store/database.ts";
import { GithubClient } from "../runtime/github.ts";
import { type CaipeSettings, settingsFromEnv } from "../runtime/settings.ts";
import { SupervisorClient } from "../runtime/supervisor.ts";
import { Configs } from "./configs.ts";
import { HubSkills } from "./hubs.ts";
import { Jobs } from "./jobs.ts";
import { Policy } from "./policy.ts";
import { Scans } from "./scans.ts";
import { Users } from "./users.ts";

/** The services of one CAIPE server. */
export class CaipeServices {
  readonly db: Database;
  readonly clock: Clock;
  /** Where GitHub, the supervisor, the generation upstream and the hubs are; change them to point at fakes. */
  readonly settings: CaipeSettings;
  readonly users: Users;
  readonly configs: Configs;
  readonly hubs: HubSkills;
  readonly scans: Scans;
  readonly jobs: Jobs;
  readonly policy: Policy;
  readonly supervisor: SupervisorClient;
  readonly github: GithubClient;
  /** Hubs whose last crawl failed, with why. */
  readonly failedHubs = new Map<string, string>();
  /** Hubs being read from GitHub for a job that is starting. */
  readonly crawling = new Set<string>();

  constructor(env: Environment, settings: CaipeSettings = settingsFromEnv()) {
    this.db = env.db;
    this.clock = env.clock;
    this.settings = settings;
    this.users = new Users(env.db, env.clock);
    this.configs = new Configs(env.db, env.clock);
    this.hubs = new HubSkills(env.db);
    this.scans = new Scans(env.db, this.configs, this.hubs);
    this.policy = new Policy(env.db, env.clock);
    this.supervisor = new SupervisorClient(settings);
    this.github = new GithubClient(settings);
    // A finished job changed what agents may run: the supervisor reloads, as after a config write.
    this.jobs = new Jobs(env.db, env.clock, this.scans, () => this.supervisor.refresh());
  }
}
