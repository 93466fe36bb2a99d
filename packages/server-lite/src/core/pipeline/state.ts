/**
 * @module
 * The request pipeline's shape: each endpoint's route is a chain of small steps (authenticate, rate-limit,
 * admit, validate, idempotency, handle), each a function of the request's state and the rest of the chain.
 * A step answers by returning a response, or refuses by throwing a `Failure`, which the chain's owner answers
 * in the platform's envelope.
 */
import type { EndpointSpec } from "@agentlane/sdk/contract";
import type { Context } from "hono";
import type { Clock } from "../clock.ts";
import type { Credentials } from "../credentials.ts";
import type { IdempotencyStore } from "../idempotency.ts";
import type { AnyPlatform, Caller } from "../platform.ts";
import type { RateLimiter } from "../rate-limit.ts";
import type { RevocationBus } from "../realtime.ts";
import type { RequestFaults } from "./faults.ts";

/** What every route of a mounted platform shares. */
export interface MountContext {
  platform: AnyPlatform;
  /** Where the platform's documented root is mounted. */
  base: string;
  services: unknown;
  clock: Clock;
  /** Present when rate limits are on: one per window length. */
  rateLimiter: RateLimiter | undefined;
  idempotency: IdempotencyStore;
  /** Revoked credentials: a stream they opened is ended. */
  revocations: RevocationBus;
  bodyLimit: number;
  onError?: ((error: unknown) => void) | undefined;
  /** Faults put around every request (testing aids); absent, requests are answered as they are. */
  faults?: RequestFaults | undefined;
}

/** One endpoint's route: the shared context, the endpoint, its handler and what is derived from it once. */
export interface RouteContext extends MountContext {
  spec: EndpointSpec;
  handler: Function;
  paramNames: readonly string[];
  queryKeys: readonly string[];
}

/** What the steps learn about a request as it goes down the chain. */
export interface RequestState {
  readonly c: Context;
  readonly route: RouteContext;
  readonly requestId: string;
  readonly credentials: Credentials;
  caller: Caller | undefined;
  /** Why authentication refused, held until the rate limit has counted the request. */
  refused: unknown;
  /** Rate-limit headers every answer to this request carries. */
  headers: Record<string, string> | undefined;
  params: unknown;
  query: unknown;
  body: unknown;
  /** The raw body, for idempotency fingerprints. */
  text: string;
}

/** One step: answers, throws a `Failure`, or hands the request to the rest of the chain. */
export type Step = (state: RequestState, next: () => Promise<Response>) => Promise<Response>;

/** Chains steps; the last one must answer. */
export function compose(steps: readonly Step[]): (state: RequestState) => Promise<Response> {
  return (state) => {
    const run = (i: number): Promise<Response> => {
      const step = steps[i];
      if (!step) throw new Error("The request pipeline ended without an answer");
      return step(state, () => run(i + 1));
    };
    return run(0);
  };
}
