/**
 * @module
 * Mounts a platform on a Hono app: one route per contract endpoint, most specific path first, each a chain of
 * pipeline steps (faults, authenticate, rate-limit, admit, validate, idempotency, handle). A failure anywhere is answered
 * in the platform's envelope; an unexpected error is the platform's internal code, with nothing of the stack.
 */
import type { Contract } from "@agentlane/sdk/contract";
import { pathParams, toRouterPath } from "@agentlane/sdk/contract";
import type { Context, Hono } from "hono";
import type { Clock } from "./clock.ts";
import { addressOf, credentialsOf } from "./credentials.ts";

export { addressOf };

import { Failure } from "./failure.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import { admit, authenticate } from "./pipeline/authenticate.ts";
import { faults, type RequestFaults } from "./pipeline/faults.ts";
import { handle } from "./pipeline/handle.ts";
import { idempotency } from "./pipeline/idempotency.ts";
import { rateLimit } from "./pipeline/rate-limit.ts";
import { FailureResponder, requestIdOf } from "./pipeline/respond.ts";
import { compose, type MountContext, type RequestState, type Step } from "./pipeline/state.ts";
import { validate } from "./pipeline/validate.ts";
import type { AnyPlatform, Caller, PlatformDefinition } from "./platform.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { RevocationBus } from "./realtime.ts";
import { inRouteOrder } from "./route-order.ts";

export interface MountOptions {
  /** Where the platform's documented root is mounted, e.g. `/claudenest` (or `""` for the root). */
  prefix: string;
  clock: Clock;
  rateLimiter: RateLimiter | undefined;
  idempotency: IdempotencyStore;
  revocations: RevocationBus;
  bodyLimit: number;
  services: unknown;
  /** Called with errors a handler did not expect (answered as 500). */
  onError?: (error: unknown) => void;
  /** Faults put around every request of the platform (testing aids). */
  faults?: RequestFaults;
}

export interface MountedPlatform {
  base: string;
  /** Which methods answer a path under this platform, for 405 answers. */
  methodsFor(path: string): string[];
  /** Answers a failure the core detected outside any route (unknown route, wrong method). */
  fail(c: Context, code: string, headers?: Record<string, string>): Response;
  /** Answers a failure of a route outside the contract, in the platform's envelope. */
  failWith(c: Context, failure: Failure): Response;
}

/** The steps every endpoint's request goes through, in order. */
export const pipeline: readonly Step[] = [faults, authenticate, rateLimit, admit, validate, idempotency, handle];

function routeRegex(base: string, template: string): RegExp {
  const escaped = (base + template).replace(/[.*?^$()[\]\\|]/g, "\\$&");
  // No optional trailing slash: the router does not match one either, and a 405 must only name methods that
  // would have answered this exact path.
  return new RegExp(`^${escaped.replace(/\{(\w+)(\+?)\}/g, (_, __, plus: string) => (plus ? ".+" : "[^/]+"))}$`);
}

/** Fails at start when a contract names an auth requirement its platform does not define. */
function checkAuthRequirements(platform: AnyPlatform): void {
  const known = new Set(["none", "optional", ...platform.authRequirements]);
  for (const [resource, endpoints] of Object.entries(platform.contract as Contract))
    for (const [name, { spec }] of Object.entries(endpoints))
      if (!known.has(spec.auth))
        throw new Error(
          `${platform.id}: ${resource}.${name} requires "${spec.auth}", which the platform does not define`,
        );
}

export function mountPlatform<C extends Contract, S, K extends Caller>(
  app: Hono,
  platform: PlatformDefinition<C, S, K, string>,
  options: MountOptions,
): MountedPlatform {
  checkAuthRequirements(platform as AnyPlatform);
  const base = options.prefix + platform.root;
  const failures = new FailureResponder(platform.envelope, options.clock);
  const patterns: { regex: RegExp; method: string }[] = [];
  const shared: MountContext = {
    platform: platform as AnyPlatform,
    base,
    services: options.services,
    clock: options.clock,
    rateLimiter: options.rateLimiter,
    idempotency: options.idempotency,
    revocations: options.revocations,
    bodyLimit: options.bodyLimit,
    onError: options.onError,
    faults: options.faults,
  };
  const run = compose(pipeline);

  for (const [resourceName, resource] of inRouteOrder(platform.contract)) {
    for (const [endpointName, { spec }] of Object.entries(resource)) {
      const handler = (platform.handlers as Record<string, Record<string, Function>>)[resourceName]?.[endpointName];
      if (typeof handler !== "function")
        throw new Error(`${platform.id}: no handler for ${resourceName}.${endpointName}`);
      const route = {
        ...shared,
        spec,
        handler,
        paramNames: pathParams(spec.path).map((p) => p.name),
        queryKeys: Object.keys(
          (spec.query as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {},
        ),
      };
      patterns.push({ regex: routeRegex(base, spec.path), method: spec.method });

      app.on(spec.method, base + toRouterPath(spec.path), async (c) => {
        const state: RequestState = {
          c,
          route,
          requestId: requestIdOf(c),
          credentials: credentialsOf((name) => c.req.header(name), c.req.url, addressOf(c)),
          caller: undefined,
          refused: undefined,
          headers: undefined,
          params: undefined,
          query: undefined,
          body: undefined,
          text: "",
        };
        try {
          return await run(state);
        } catch (error) {
          if (error instanceof Failure) return failures.respond(error, state.requestId, state.headers);
          options.onError?.(error);
          return failures.respond(new Failure(platform.envelope.codes.internal), state.requestId, state.headers);
        }
      });
    }
  }

  platform.extraRoutes?.(app, base, options.services as S, (c, failure) => failures.respond(failure, requestIdOf(c)));

  return {
    base,
    methodsFor: (path) => [...new Set(patterns.filter((p) => p.regex.test(path)).map((p) => p.method))],
    fail: (c, code, headers) => failures.code(c, code, headers),
    failWith: (c, failure) => failures.respond(failure, requestIdOf(c)),
  };
}
