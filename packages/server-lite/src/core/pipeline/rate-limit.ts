/**
 * @module
 * The rate-limit step, in the platform's windows. Documented groups (login, pairing) count per address. Other
 * endpoints count per authenticated caller (in the caller's own limit and window when the platform gives one, a
 * plan's quota say); a request whose credentials are missing, refused or not checked
 * (public endpoints) counts against its address, so made-up tokens buy no extra budget.
 */
import { Failure } from "../failure.ts";
import { type RateDecision, rateLimitHeaders } from "../rate-limit.ts";
import type { RequestState, Step } from "./state.ts";

function decide(state: RequestState): RateDecision | undefined {
  const { rateLimiter: limiter, platform, spec } = state.route;
  if (!limiter) return undefined;
  const policy = platform.rateLimits;
  const group = spec.rateLimit === undefined ? undefined : policy.groups[spec.rateLimit];
  const address = state.credentials.address;
  if (group !== undefined) {
    const { limit, windowMs } = typeof group === "number" ? { limit: group, windowMs: policy.windowMs } : group;
    return limiter.take(`${platform.id}:${spec.rateLimit}:${address}`, limit, windowMs);
  }
  const caller = state.caller;
  const verified = spec.auth !== "none" && state.refused === undefined && !caller?.anonymous ? caller : undefined;
  if (verified) {
    const own = policy.callerLimit?.(verified);
    const key = `${platform.id}:api:${verified.key}`;
    if (own === undefined) return limiter.take(key, policy.authenticated, policy.windowMs);
    const windows = "limit" in own ? [own] : own;
    let reported: RateDecision | undefined;
    for (const { limit, windowMs } of windows) {
      const decision = limiter.take(`${key}:${windowMs}`, limit, windowMs);
      if (!decision.allowed) return decision;
      reported ??= decision;
    }
    return reported;
  }
  return limiter.take(`${platform.id}:anon:${address}`, policy.anonymous, policy.windowMs);
}

/** Counts the request; over the limit, answers the platform's rate-limit code with `Retry-After`. */
export const rateLimit: Step = (state, next) => {
  const decision = decide(state);
  if (decision) {
    const extra = state.route.platform.rateLimits.headers?.(decision);
    state.headers = { ...rateLimitHeaders(decision), ...extra };
    if (!decision.allowed) throw new Failure(state.route.platform.envelope.codes.rateLimited);
  }
  return next();
};
