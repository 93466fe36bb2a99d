/**
 * @module
 * Steps that decide who is calling. `authenticate` asks the platform's auth scheme but holds a refusal until the
 * rate limit has counted the request (so refused guesses still spend the caller's budget); `admit` then
 * answers the refusal.
 */
import type { Step } from "./state.ts";

/** Resolves the caller from the request's credentials; a refusal is kept for `admit`. */
export const authenticate: Step = (state, next) => {
  const { platform, services, spec } = state.route;
  try {
    state.caller = platform.authenticate(services, spec.auth, state.credentials);
  } catch (error) {
    state.refused = error;
  }
  return next();
};

/** Refuses a request whose credentials were refused. */
export const admit: Step = (state, next) => {
  if (state.refused !== undefined || state.caller === undefined) throw state.refused;
  return next();
};
