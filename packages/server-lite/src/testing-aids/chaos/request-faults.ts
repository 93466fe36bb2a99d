/**
 * @module
 * Faults on a platform's HTTP requests, put around the request pipeline. Every kind but `"lost"` answers before
 * the request reaches authentication, so no state changes (not even a rate-limit window); `"lost"`, `"delay"`
 * and `"stream"` let the request run and then spoil its answer.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { droppedConnection } from "../../core/dropped-connection.ts";
import { Failure } from "../../core/failure.ts";
import type { RequestFaults } from "../../core/pipeline/faults.ts";
import type { RequestState } from "../../core/pipeline/state.ts";
import { rateLimitHeaders } from "../../core/rate-limit.ts";
import type { FaultInjector } from "./injector.ts";
import type { FaultKind } from "./options.ts";
import { cutEventStream } from "./stream-cut.ts";

const ANSWER_KINDS: readonly FaultKind[] = ["429", "500", "502", "503", "drop", "lost", "delay"];
const STREAM_KINDS: readonly FaultKind[] = [...ANSWER_KINDS, "stream"];

const STATUS_TEXT = { "500": "Internal Server Error", "502": "Bad Gateway", "503": "Service Unavailable" } as const;

/** The `"429"` fault: the platform's rate-limited code with `Retry-After` and its rate-limit headers. */
function rateLimited(state: RequestState, retryAfter: number): Failure {
  const { platform, clock } = state.route;
  const decision = {
    allowed: false,
    limit: platform.rateLimits.authenticated,
    remaining: 0,
    reset: Math.ceil(clock.now() / 1000) + retryAfter,
    retryAfter,
  };
  const headers = { ...rateLimitHeaders(decision), ...platform.rateLimits.headers?.(decision) };
  return new Failure(platform.envelope.codes.rateLimited, undefined, undefined, headers);
}

/** A `"500"`, `"502"` or `"503"` fault: that status with the platform's internal error code. */
function serverError(state: RequestState, kind: "500" | "502" | "503", retryAfter: number): Failure {
  const headers = kind === "503" ? { "retry-after": String(retryAfter) } : undefined;
  const message = `${STATUS_TEXT[kind]} (a fault injected by server-lite).`;
  return new Failure(state.route.platform.envelope.codes.internal, message, undefined, headers, Number(kind));
}

/** Puts the injector's faults around every request of the platforms it is given to. */
export function requestFaults(injector: FaultInjector): RequestFaults {
  return {
    async around(state, next) {
      if (!injector.active) return next();
      const { c, route, requestId } = state;
      const kind = injector.draw(c.req.method, c.req.path, route.spec.stream ? STREAM_KINDS : ANSWER_KINDS);
      if (kind === undefined) return next();
      injector.record(kind, requestId, c.req.method, c.req.path, c.req.raw);
      const { delayMs, retryAfter } = injector.config;
      switch (kind) {
        case "429":
          throw rateLimited(state, retryAfter);
        case "500":
        case "502":
        case "503":
          throw serverError(state, kind, retryAfter);
        case "drop":
          return droppedConnection();
        case "lost": {
          const response = await next();
          await response.body?.cancel().catch(() => {});
          return droppedConnection();
        }
        case "delay": {
          const response = await next();
          // A client that gave up meanwhile is not waited for.
          await sleep(delayMs, undefined, { signal: c.req.raw.signal }).catch(() => {});
          return response;
        }
        case "stream":
          return cutEventStream(await next(), injector.messagesBeforeCut());
      }
    },
  };
}
