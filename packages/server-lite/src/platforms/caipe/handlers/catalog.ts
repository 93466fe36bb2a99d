/**
 * @module
 * `GET /skills`: the merged catalog. Unfinished scan jobs are brought up to now first, so the scan statuses (and
 * with them the quarantine) are current.
 */

import { userOf } from "../state/caller.ts";
import { catalogFor } from "../state/catalog.ts";
import type { CaipeHandlers } from "./types.ts";

/** The `catalog` handlers. */
export const catalog: CaipeHandlers<"catalog"> = {
  list({ query, caller }, { services }) {
    services.jobs.settleAll();
    const user = userOf(caller);
    const { skills, sourcesLoaded, unavailable } = catalogFor(
      {
        configs: services.configs,
        hubs: services.hubs,
        scans: services.scans,
        hubsConfigured: services.settings.hubs.length > 0,
        failedHubs: [...services.failedHubs.keys()],
      },
      user,
      services.policy.get(),
      query,
    );
    const extra = { sources_loaded: sourcesLoaded, unavailable_sources: unavailable };
    // Without `page`, every match (the real route's backward-compatible answer).
    if (query.page === undefined)
      return { items: skills, page: 1, perPage: Math.max(1, skills.length), total: skills.length, extra };
    const perPage = query.page_size ?? 50;
    const start = (query.page - 1) * perPage;
    return { items: skills.slice(start, start + perPage), page: query.page, perPage, total: skills.length, extra };
  },
};
