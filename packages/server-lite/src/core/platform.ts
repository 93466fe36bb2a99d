/**
 * @module
 * What a platform gives the server core: its contract, envelope, storage, auth scheme and handlers. The
 * handler table has the contract's shape, so a missing handler is a type error.
 */
import type { AuthRequirement, Contract, Page } from "@agentlane/sdk/contract";
import type { PlatformRealtime } from "../realtime/pusher/hooks.ts";
import type { Database } from "../store/database.ts";
import type { Clock } from "./clock.ts";
import type { EventBus } from "./events.ts";
import type { Failure } from "./failure.ts";

/** Whoever made a request, as far as the core needs to know: a key for rate limits and idempotency. */
export interface Caller {
  readonly key: string;
}

export interface Environment {
  db: Database;
  clock: Clock;
  events: EventBus;
  /**
   * Commands the server may run (PTY sessions, MCP servers): names or absolute paths. Empty means the server
   * records what it is asked to run and runs nothing.
   */
  exec: readonly string[];
}

export interface HandlerContext<Services, Code extends string> {
  readonly services: Services;
  readonly requestId: string;
  /** The platform's base URL as this request reached it (origin and documented root). */
  readonly baseUrl: string;
  /** Throws a documented error; the core answers it in the platform's envelope. */
  fail(code: Code, message?: string, errors?: Record<string, string[]>): never;
}

type HandlerOf<H, Services, C extends Caller> = H extends { parsed: infer P; result: infer R; errors: infer E }
  ? (input: P & { caller: C }, ctx: HandlerContext<Services, (E & string) | CommonCode>) => R | Promise<R>
  : never;

/** Codes any handler may use, whatever its endpoint documents. */
export type CommonCode = "VAL_001" | "NOT_FOUND" | "FORBIDDEN";

export type Handlers<C extends Contract, Services, K extends Caller> = {
  [R in keyof C]: { [E in keyof C[R]]: HandlerOf<NonNullable<C[R][E]["~handler"]>, Services, K> };
};

export interface ServerEnvelope {
  success(data: unknown, meta: { requestId: string; timestamp: string; page?: Omit<Page<unknown>, "items"> }): unknown;
  failure(
    code: string,
    message: string,
    errors: Record<string, string[]> | undefined,
    meta: { requestId: string; timestamp: string },
  ): unknown;
  /** HTTP status of a platform error code. */
  statusOf(code: string): number;
  /** Default message of a platform error code. */
  messageOf(code: string): string;
  /** The platform's codes for failures the core detects itself. */
  codes: {
    validation: string;
    unauthenticated: string;
    forbidden: string;
    rateLimited: string;
    notFound: string;
    methodNotAllowed: string;
    badRequest: string;
    payloadTooLarge: string;
    unsupportedMediaType: string;
    internal: string;
  };
}

export interface RateLimitPolicy {
  /** Requests per window for a documented group (`auth`, `pairing`); `websocket` limits realtime connections per address. */
  groups: Record<string, number>;
  /** Requests per window for a caller with a token. */
  authenticated: number;
  /** Requests per window for an anonymous caller, on endpoints with no group. */
  anonymous: number;
  windowMs: number;
}

export interface PlatformDefinition<C extends Contract, Services, K extends Caller> {
  id: string;
  /** The documented root of the API, e.g. `/api`. */
  root: string;
  title: string;
  version: string;
  contract: C;
  envelope: ServerEnvelope;
  migrations: ReadonlyArray<{ id: string; sql: string }>;
  /** Tables emptied by a reset. */
  tables: readonly string[];
  createServices(env: Environment): Services;
  /** Resolves the bearer token for an endpoint's auth requirement; throws a `Failure` to refuse. */
  authenticate(services: Services, requirement: AuthRequirement, token: string | undefined, address: string): K;
  handlers: Handlers<C, Services, K>;
  rateLimits: RateLimitPolicy;
  /**
   * Routes outside the contract that the platform needs (an emulated OAuth provider, say); `fail` answers a
   * failure in the platform's envelope.
   */
  extraRoutes?(
    app: import("hono").Hono,
    base: string,
    services: Services,
    fail: (c: import("hono").Context, failure: Failure) => Response,
  ): void;
  /** Creates demo data and tells what was made. */
  seed?(services: Services): Promise<Record<string, string>>;
  /** Releases what the platform holds outside the store (child processes, timers) when the server closes. */
  dispose?(services: Services): void | Promise<void>;
  /** Stops what the platform runs outside the store, after `server.reset()` emptied its tables. */
  reset?(services: Services): void | Promise<void>;
  /**
   * Pusher-protocol realtime (`{prefix}/app/{appKey}` and `{base}/broadcasting/auth`): the app key and who
   * may subscribe to which private channel.
   */
  realtime?: PlatformRealtime<Services>;
}

export type AnyPlatform = PlatformDefinition<any, any, any>;

export type { Failure };
