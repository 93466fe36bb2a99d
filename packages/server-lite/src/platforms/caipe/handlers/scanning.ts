/**
 * @module
 * The planned scanning routes: scan jobs (start, poll, cancel), the quarantine policy, and re-scan of one skill.
 */
import type { ScanJob } from "@agentlane/sdk/caipe/contract";
import { Failure } from "../../../core/failure.ts";
import { type CaipeCaller, userOf } from "../state/caller.ts";
import type { CaipeServices } from "../state/services.ts";
import { packagedTemplates } from "../templates/index.ts";
import type { CaipeHandlers } from "./types.ts";

/** A job the caller may see: theirs, or any job for an admin. */
function visibleJob(services: CaipeServices, id: string, caller: CaipeCaller): void {
  const user = userOf(caller);
  const creator = services.jobs.creatorOf(id);
  if (creator === undefined || (creator !== user.id && user.role !== "admin"))
    throw new Failure("NOT_FOUND", "Scan job not found");
}

/** The `scanJobs` handlers. */
export const scanJobs: CaipeHandlers<"scanJobs"> = {
  async start({ body, caller }, { services }): Promise<ScanJob> {
    const user = userOf(caller);
    const creator = { id: user.id, email: user.email };
    if (body.kind === "catalog") {
      if (user.role !== "admin") throw new Failure("FORBIDDEN", "Starting a catalog scan job requires an admin");
      if (services.jobs.activeOf("catalog", null)) throw new Failure("JOB_ALREADY_RUNNING");
      const items = [
        ...packagedTemplates().map((t) => t.id),
        ...services.configs.allIds(),
        ...services.hubs.all().map((h) => h.id),
      ];
      return services.jobs.create({ kind: "catalog", hubId: null, creator, items });
    }
    const hub = services.settings.hubs.find((h) => h.id === body.hub_id);
    if (!hub) throw new Failure("NOT_FOUND", `No hub ${body.hub_id} is configured`);
    // A crawl in progress counts as a running job: two starts at once must not make two jobs.
    if (services.jobs.activeOf("hub", hub.id) || services.crawling.has(hub.id))
      throw new Failure("JOB_ALREADY_RUNNING");
    services.crawling.add(hub.id);
    try {
      const items = await services.hubs.crawl(services.github, hub);
      services.failedHubs.delete(hub.id);
      return services.jobs.create({ kind: "hub", hubId: hub.id, creator, items });
    } catch (error) {
      // The hub could not be read: the job exists, and failed.
      const message = error instanceof Error ? error.message : String(error);
      services.failedHubs.set(hub.id, message);
      return services.jobs.create({ kind: "hub", hubId: hub.id, creator, items: [], error: message });
    } finally {
      services.crawling.delete(hub.id);
    }
  },

  get({ params, caller }, { services }) {
    visibleJob(services, params.id, caller);
    return services.jobs.get(params.id)!;
  },

  cancel({ params, caller }, { services }) {
    visibleJob(services, params.id, caller);
    const job = services.jobs.cancel(params.id);
    if (!job) throw new Failure("JOB_FINISHED");
    return job;
  },
};

/** The `quarantine` handlers. */
export const quarantine: CaipeHandlers<"quarantine"> = {
  get(_input, { services }) {
    return services.policy.get();
  },
  update({ body, caller }, { services }) {
    const policy = services.policy.update(body, userOf(caller).email);
    services.supervisor.refresh();
    return policy;
  },
};

/** The `scans` handlers. */
export const scans: CaipeHandlers<"scans"> = {
  rescan({ body, caller }, { services }) {
    const user = userOf(caller);
    const ref = services.scans.find(body.skill_id);
    if (!ref || (ref.type === "config" && !services.configs.visibleRow(ref.id, user)))
      throw new Failure("NOT_FOUND", "Skill not found");
    const own = ref.type === "config" && ref.row.is_system !== 1 && ref.row.owner_id === user.email;
    if (!own && user.role !== "admin")
      throw new Failure(
        "FORBIDDEN",
        ref.type === "config" && ref.row.is_system !== 1
          ? "Only the owner of a skill re-scans it"
          : "Re-scanning a built-in skill requires an admin",
      );
    const result = services.scans.scan(ref, services.clock.iso());
    services.supervisor.reScan(ref.id);
    return result;
  },
};
