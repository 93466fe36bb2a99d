/**
 * @module
 * §4 Cloud Sync handlers over `state/sync.ts`.
 */
import { accountOf } from "../caller.ts";
import type { CCJKHandlers } from "./types.ts";

export const sync: CCJKHandlers<"sync"> = {
  setConfig: ({ body, caller }, { services }) => services.sync.setConfig(accountOf(caller), body),

  getConfig({ caller }, { services, fail }) {
    return services.sync.getConfig(accountOf(caller)) ?? fail("RESOURCE_NOT_FOUND", "No sync configuration yet.");
  },

  start({ body, caller }, { services, fail }) {
    const started = services.sync.start(accountOf(caller), body);
    if (started === "no-config")
      return fail("RESOURCE_NOT_FOUND", "Set a sync configuration first (POST /sync/config).");
    if (started === "busy") return fail("CONFLICT_DETECTED", "A sync is already running; wait for it to complete.");
    return started;
  },

  status({ query, caller }, { services, fail }) {
    return (
      services.sync.job(accountOf(caller), query.syncId) ??
      fail("RESOURCE_NOT_FOUND", query.syncId ? "No such sync." : "No sync has run yet.")
    );
  },

  resolveConflict({ body, caller }, { services, fail }) {
    const result = services.sync.resolve(accountOf(caller), body.conflictId, body.resolution, body.mergedContent);
    if (result === "not-found") return fail("RESOURCE_NOT_FOUND", "No such conflict.");
    if (result === "resolved") return fail("CONFLICT_DETECTED", "This conflict was already resolved.");
    return { conflictId: body.conflictId, resolved: true as const, appliedAt: result.appliedAt };
  },
};
