/**
 * @module
 * A development warning for input keys an endpoint does not take. TypeScript already refuses an unknown key in an
 * object literal; an object built elsewhere (a filter read from a form, a typo in plain JavaScript) would
 * otherwise be dropped without a word, and the call would quietly answer unfiltered results. Only endpoints
 * without a body are checked: there every key must be a path or query parameter, while a body's keys are the
 * platform's to judge (and it does, with a validation error).
 */
import type { Route } from "../contract/routes.ts";

/** Warnings already given, by endpoint and key: each is given once per process (or page). */
const warned = new Set<string>();

/** Whether this is a production build or process (`NODE_ENV=production`), where nothing is checked. */
function inProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.NODE_ENV === "production";
}

/**
 * Warns (with `console.warn`, once per endpoint and key) about each key of `input` that an endpoint without a
 * body does not take; outside production only.
 *
 * @example
 * warnUnknownKeys(routes.machines.list, { statuz: "online" });
 * // @agentlane/sdk: GET /machines takes no "statuz" (it takes page, per_page, search, status); the key was not sent.
 */
export function warnUnknownKeys(route: Route, input: Record<string, unknown> | undefined): void {
  if (!input || (route.method !== "GET" && route.method !== "DELETE") || inProduction()) return;
  for (const key of Object.keys(input)) {
    if (route.params.includes(key) || route.query.includes(key)) continue;
    const id = `${route.method} ${route.path} ${key}`;
    if (warned.has(id)) continue;
    warned.add(id);
    const known = [...route.params, ...route.query];
    const takes = known.length > 0 ? `it takes ${known.join(", ")}` : "it takes no parameters";
    console.warn(`@agentlane/sdk: ${route.method} ${route.path} takes no "${key}" (${takes}); the key was not sent.`);
  }
}
