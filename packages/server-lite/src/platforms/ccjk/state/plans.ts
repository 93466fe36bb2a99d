/**
 * @module
 * §3 plans and their limits: requests an hour and a minute, and how many agents a pool may have (the
 * document's "concurrent" column, enforced on pool sizes). Enterprise has no hourly quota.
 */
import type { Plan } from "./accounts.ts";

/** One plan's limits. */
export interface PlanLimits {
  /** Requests an hour; `undefined` for none. */
  perHour: number | undefined;
  perMinute: number;
  /** Agents a pool may have. */
  concurrent: number;
}

/** §3 Default Limits. */
export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  free: { perHour: 1000, perMinute: 60, concurrent: 5 },
  pro: { perHour: 10_000, perMinute: 300, concurrent: 25 },
  enterprise: { perHour: undefined, perMinute: 1000, concurrent: 100 },
};

/** Requests an hour for anonymous browsing, per address (the document gives no figure). */
export const ANONYMOUS_PER_HOUR = 100;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The windows a plan's caller counts in, the one its headers describe first: the hourly quota, then the minute's
 * (Enterprise: the minute's only).
 */
export function planWindows(plan: Plan): { limit: number; windowMs: number }[] {
  const limits = PLAN_LIMITS[plan];
  const minute = { limit: limits.perMinute, windowMs: MINUTE_MS };
  return limits.perHour === undefined ? [minute] : [{ limit: limits.perHour, windowMs: HOUR_MS }, minute];
}

/** §3's extra headers: seconds until the window resets, and on a refusal the delay again under CCJK's own name. */
export function planHeaders(decision: { retryAfter: number; allowed?: boolean }): Record<string, string> {
  // `retryAfter` is the seconds left in the window, whether or not this request was refused.
  const headers: Record<string, string> = { "x-ratelimit-reset-inseconds": String(decision.retryAfter) };
  if (decision.allowed === false) headers["x-ratelimit-retry-after"] = String(decision.retryAfter);
  return headers;
}
