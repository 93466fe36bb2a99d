/**
 * @module
 * Mounts a platform on a Hono app: one route per contract endpoint. Before a handler runs, the request is
 * authenticated, rate-limited, and its path, query and body are validated by the contract's schemas; the
 * handler's answer (or documented failure) is wrapped in the platform's envelope.
 */
import type { Contract, EndpointSpec, Page, RunnableSchema } from "@agentlane/sdk/contract";
import { pathParams, toRouterPath } from "@agentlane/sdk/contract";
import type { Context, Hono } from "hono";
import type { Clock } from "./clock.ts";
import { Failure, fieldErrors } from "./failure.ts";
import { IdempotencyStore, MAX_KEY_LENGTH } from "./idempotency.ts";
import type { Caller, PlatformDefinition } from "./platform.ts";
import { type RateDecision, type RateLimiter, rateLimitHeaders } from "./rate-limit.ts";
import { readBody } from "./request-body.ts";
import { inRouteOrder } from "./route-order.ts";

export interface MountOptions {
  /** Where the platform's documented root is mounted, e.g. `/claudenest` (or `""` for the root). */
  prefix: string;
  clock: Clock;
  rateLimiter: RateLimiter | undefined;
  idempotency: IdempotencyStore;
  bodyLimit: number;
  services: unknown;
  /** Called with errors a handler did not expect (answered as 500). */
  onError?: (error: unknown) => void;
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

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

function requestIdOf(c: Context): string {
  const given = c.req.header("x-request-id");
  return given && given.length <= 200 ? given : `req_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

export function bearer(c: Context): string | undefined {
  const header = c.req.header("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim();
}

export function addressOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "in-process";
}

function queryObject(c: Context, keys: readonly string[]): Record<string, unknown> {
  const all = c.req.queries();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const values = all[key];
    if (values && values.length > 0) out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function routeRegex(base: string, template: string): RegExp {
  const escaped = (base + template).replace(/[.*?^$()[\]\\|]/g, "\\$&");
  // No optional trailing slash: the router does not match one either, and a 405 must only name methods that
  // would have answered this exact path.
  return new RegExp(`^${escaped.replace(/\{(\w+)(\+?)\}/g, (_, __, plus: string) => (plus ? ".+" : "[^/]+"))}$`);
}

export function mountPlatform<C extends Contract, S, K extends Caller>(
  app: Hono,
  platform: PlatformDefinition<C, S, K>,
  options: MountOptions,
): MountedPlatform {
  const base = options.prefix + platform.root;
  const { envelope } = platform;
  const patterns: { regex: RegExp; method: string }[] = [];
  /** Idempotent requests being handled now, by caller and key. */
  const inFlight = new Map<string, Promise<void>>();

  const meta = (requestId: string) => ({ requestId, timestamp: options.clock.iso() });
  const respond = (status: number, body: unknown, requestId: string, headers?: Record<string, string>) =>
    new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { ...JSON_HEADERS, "x-request-id": requestId, ...headers },
    });
  const failureResponse = (failure: Failure, requestId: string, headers?: Record<string, string>) =>
    respond(
      envelope.statusOf(failure.code),
      envelope.failure(
        failure.code,
        failure.message === failure.code ? envelope.messageOf(failure.code) : failure.message,
        failure.errors,
        meta(requestId),
      ),
      requestId,
      { ...headers, ...failure.headers },
    );

  /**
   * Documented groups (auth, pairing) count per address. Other endpoints count per authenticated caller (a user,
   * or a machine for a machine token); a request whose token is missing, refused or not checked (public
   * endpoints) counts against its address, so made-up tokens buy no extra budget.
   */
  const limit = (spec: EndpointSpec, caller: Caller | undefined, address: string): RateDecision | undefined => {
    const limiter = options.rateLimiter;
    if (!limiter) return undefined;
    const policy = platform.rateLimits;
    const group = spec.rateLimit;
    if (group && policy.groups[group] !== undefined)
      return limiter.take(`${platform.id}:${group}:${address}`, policy.groups[group]);
    if (caller) return limiter.take(`${platform.id}:api:${caller.key}`, policy.authenticated);
    return limiter.take(`${platform.id}:anon:${address}`, policy.anonymous);
  };

  function validate(schema: unknown, value: unknown): unknown {
    if (!schema) return {};
    const result = (schema as RunnableSchema).safeParse(value);
    if (result.success) return result.data;
    throw new Failure(envelope.codes.validation, undefined, fieldErrors(result.error.issues as never, value));
  }

  for (const [resourceName, resource] of inRouteOrder(platform.contract)) {
    for (const [endpointName, { spec }] of Object.entries(resource)) {
      const handler = (platform.handlers as Record<string, Record<string, Function>>)[resourceName]?.[endpointName];
      if (typeof handler !== "function")
        throw new Error(`${platform.id}: no handler for ${resourceName}.${endpointName}`);
      const paramNames = pathParams(spec.path).map((p) => p.name);
      const queryKeys = Object.keys(
        (spec.query as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {},
      );
      const status = spec.status ?? 200;
      patterns.push({ regex: routeRegex(base, spec.path), method: spec.method });

      app.on(spec.method, base + toRouterPath(spec.path), async (c) => {
        const requestId = requestIdOf(c);
        const token = bearer(c);
        const address = addressOf(c);
        let caller: K | undefined;
        let refused: unknown;
        try {
          caller = platform.authenticate(options.services as S, spec.auth, token, address);
        } catch (error) {
          refused = error;
        }
        const decision = limit(spec, token && spec.auth !== "none" ? caller : undefined, address);
        const limitHeaders = decision ? rateLimitHeaders(decision) : undefined;
        if (decision && !decision.allowed)
          return failureResponse(new Failure(envelope.codes.rateLimited), requestId, limitHeaders);
        try {
          if (refused !== undefined || caller === undefined) throw refused;
          const rawParams: Record<string, string> = {};
          for (const name of paramNames) rawParams[name] = c.req.param(name) ?? "";
          const params = spec.params ? validate(spec.params, rawParams) : rawParams;
          const query = spec.query ? validate(spec.query, queryObject(c, queryKeys)) : {};
          const { value, text } = await readBody(c, Boolean(spec.body), options.bodyLimit, envelope.codes);
          const body = spec.body ? validate(spec.body, value) : undefined;

          const key = c.req.header("idempotency-key");
          const replayable = key && (spec.method === "POST" || spec.method === "PATCH");
          const fingerprint = replayable ? IdempotencyStore.fingerprint(spec.method, c.req.path, text) : "";
          let release: (() => void) | undefined;
          if (replayable && key.length > MAX_KEY_LENGTH) {
            const message = `The Idempotency-Key may not be longer than ${MAX_KEY_LENGTH} characters.`;
            throw new Failure(envelope.codes.validation, message, { "Idempotency-Key": [message] });
          }
          if (replayable) {
            // A repeat that arrives while the first request is still running (a client retrying after a
            // timeout) waits for the first answer and replays it, instead of running the handler twice.
            const slot = `${caller.key}\0${key}`;
            for (let running = inFlight.get(slot); running; running = inFlight.get(slot)) await running;
            const stored = options.idempotency.lookup(caller.key, key, fingerprint);
            if (stored === "mismatch") {
              throw new Failure(
                envelope.codes.validation,
                "This Idempotency-Key was already used with a different request.",
                {
                  "Idempotency-Key": ["The key was already used with a different request."],
                },
              );
            }
            if (stored)
              return new Response(stored.body, {
                status: stored.status,
                headers: { ...JSON_HEADERS, ...limitHeaders, "x-request-id": requestId, "idempotent-replayed": "true" },
              });
            let done = () => {};
            inFlight.set(slot, new Promise<void>((resolve) => (done = resolve)));
            release = () => {
              inFlight.delete(slot);
              done();
            };
          }

          try {
            const ctx = {
              services: options.services,
              requestId,
              baseUrl: new URL(c.req.url).origin + base,
              fail(code: string, message?: string, errors?: Record<string, string[]>): never {
                throw new Failure(code, message, errors);
              },
            };
            const result = await handler({ params, query, body, caller }, ctx);
            const payload = spec.paginated
              ? envelope.success((result as Page<unknown>).items, { ...meta(requestId), page: result as Page<unknown> })
              : envelope.success(result ?? null, meta(requestId));
            const response = respond(status, payload, requestId, limitHeaders);
            if (replayable)
              options.idempotency.save(caller.key, key, fingerprint, { status, body: JSON.stringify(payload) });
            return response;
          } finally {
            release?.();
          }
        } catch (error) {
          if (error instanceof Failure) return failureResponse(error, requestId, limitHeaders);
          options.onError?.(error);
          return failureResponse(new Failure(envelope.codes.internal), requestId, limitHeaders);
        }
      });
    }
  }

  platform.extraRoutes?.(app, base, options.services as S, (c, failure) => failureResponse(failure, requestIdOf(c)));

  return {
    base,
    methodsFor: (path) => [...new Set(patterns.filter((p) => p.regex.test(path)).map((p) => p.method))],
    fail: (c, code, headers) => failureResponse(new Failure(code), requestIdOf(c), headers),
    failWith: (c, failure) => failureResponse(failure, requestIdOf(c)),
  };
}
