/**
 * @module
 * `new CaipeSkills({ baseUrl, token })`: every endpoint of the unified Skills contract as a typed method, plus
 * typed `configs.list()` / `configs.get()` over the one route that answers both, and `scanJobs.watch()`.
 */
import type { ClientOptions } from "../../core/options.ts";
import { definePlatform } from "../define.ts";
import type { AgentSkill } from "./contract/configs.ts";
import { caipeEnvelope } from "./envelope.ts";
import { type ScanJobWatcher, type ScanJobWatchOptions, watchScanJob } from "./live/job-watcher.ts";
import { type CaipeSkillsMethods, routes } from "./routes.generated.ts";

/** Options of a {@link CaipeSkills} client: the HTTP options (`baseUrl` is the `/api` root, `token` a bearer token). */
export interface CaipeSkillsOptions extends ClientOptions {}

/** The typed readings of `GET /skills/configs`, beside its endpoint method `read`. */
export interface ConfigHelpers {
  /**
   * Every config the caller sees (`GET /skills/configs`).
   * @example const mine = (await caipe.configs.list()).filter((c) => c.owner_id === me);
   */
  list(): Promise<AgentSkill[]>;
  /**
   * One config (`GET /skills/configs?id=`); `NotFoundError` when the caller cannot see it.
   * @example const config = await caipe.configs.get({ id: "skill-release-notes-k3j9x0a1b" });
   */
  get(input: { id: string }): Promise<AgentSkill>;
}

/** The hand-written helpers of the `scanJobs` resource. */
export interface ScanJobHelpers {
  /**
   * Follows a scan job by polling it: an `update` event whenever it changed, then the watcher ends once the job
   * has a final status.
   * @example
   * const job = await caipe.scanJobs.start({ kind: "catalog" });
   * for await (const { data } of caipe.scanJobs.watch(job.id, { interval: 1000 })) console.log(data.status);
   */
  watch(id: string, options?: ScanJobWatchOptions): ScanJobWatcher;
}

/**
 * A CAIPE Skills client: the merged catalog, persisted configs, seeding, generation, GitHub and template import,
 * the gateway's installer, scan jobs and the quarantine policy.
 * @example
 * const caipe = new CaipeSkills({ baseUrl: "https://caipe.example.com/api", token: process.env.CAIPE_TOKEN });
 * const { skills } = await caipe.catalog.list({ tags: "incident", scan_status: "passed" });
 */
export class CaipeSkills extends definePlatform<CaipeSkillsMethods, CaipeSkillsOptions>({
  envelope: caipeEnvelope,
  routes,
}) {
  /** Persisted skill configs, with `list()` and `get()`. */
  declare readonly configs: CaipeSkillsMethods["configs"] & ConfigHelpers;
  /** Planned scan jobs, with `watch()`. */
  declare readonly scanJobs: CaipeSkillsMethods["scanJobs"] & ScanJobHelpers;

  constructor(options: CaipeSkillsOptions) {
    super(options);
    const read = this.configs.read;
    const configs: ConfigHelpers = {
      list: async () => {
        const answer = await read({});
        if (!Array.isArray(answer)) throw new TypeError("GET /skills/configs did not answer a list");
        return answer;
      },
      get: async ({ id }) => {
        const answer = await read({ id });
        if (Array.isArray(answer)) throw new TypeError("GET /skills/configs?id= answered a list");
        return answer;
      },
    };
    const scanJobs: ScanJobHelpers = { watch: (id, options) => watchScanJob(this, id, options) };
    Object.assign(this, {
      configs: { ...this.configs, ...configs },
      scanJobs: { ...this.scanJobs, ...scanJobs },
    });
  }
}
