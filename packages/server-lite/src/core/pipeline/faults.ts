/**
 * @module
 * The first step: a server may put faults around a request (refuse it, drop it, lose or delay its answer) before
 * anything else sees it, so an injected failure spends no rate-limit budget and changes no state. Without
 * faults configured the request goes straight on.
 */
import type { RequestState, Step } from "./state.ts";

/** What may happen to a request around the rest of its chain (server-lite's chaos testing aid is one). */
export interface RequestFaults {
  /** Answers the request: by running `next`, or with a fault of its own. */
  around(state: RequestState, next: () => Promise<Response>): Promise<Response>;
}

/** Hands the request to the mount's faults, when it has any. */
export const faults: Step = (state, next) => {
  const injected = state.route.faults;
  return injected ? injected.around(state, next) : next();
};
