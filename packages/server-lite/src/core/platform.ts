/**
 * @module
 * What a platform gives the server core: its contract, envelope, storage, auth scheme, handlers, rate limits
 * and realtime kinds. The handler table has the contract's shape, so a missing handler is a type error.
 */
import type { AuthRequirement, Contract, Page } from "@agentlane/sdk/contract";
import type { SpawnGuard } from "../lib/spawn-guard.ts";
import type { Database } from "../store/database.ts";
import type { RetentionRule } from "../store/retention.ts";
import type { Clock } from "./clock.ts";
import type { Credentials } from "./credentials.ts";
import type { EventBus } from "./events.ts";
import type { Failure } from "./failure.ts";
import type { RealtimeKind, RevocationBus } from "./realtime.ts";

/** Whoever made a request, as far as the core needs to know: a key for rate limits and idempotency. */
export interface Caller {
  readonly key: string;
  /**
   * A caller that sent no credentials (an `optional` or public endpoint): rate-limited per address with the
   * anonymous budget, never with a verified caller's.
   */
  readonly anonymous?: boolean;
}

/** Caps that keep one caller from exhausting a developer's machine. */
export interface ServerLimits {
  /**
   * Idempotency keys remembered per caller; past it the oldest are forgotten.
   * @default 1000
   */
  idempotencyKeysPerCaller?: number;
  /**
   * Live processes (PTY sessions, MCP servers) one user may have.
   * @default 10
   */
  processesPerUser?: number;
  /**
   * Live processes on the whole server.
   * @default 50
   */
  processes?: number;
  /**
   * Channels one realtime connection may subscribe to.
   * @default 100
   */
  subscriptionsPerConnection?: number;
  /**
   * Live realtime connections one set of credentials (a token) may hold subscriptions on.
   * @default 20
   */
  connectionsPerToken?: number;
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
  /** The gate every process goes through: the allow-list by resolved executable, environment and arguments. */
  spawn: SpawnGuard;
  /** Where the platform announces revoked credentials, so live connections they opened are closed. */
  revocations: RevocationBus;
  /** The server's caps, with their defaults filled in. */
  limits: Required<ServerLimits>;
  /**
   * The settings given for this platform in `createServer({ platformOptions: { <id>: {...} } })`, unchecked: the
   * platform reads (and validates) its own.
   */
  options: Readonly<Record<string, unknown>>;
}

export interface HandlerContext<Services, Code extends string> {
  readonly services: Services;
  readonly requestId: string;
  /** The platform's base URL as this request reached it (origin and documented root). */
  readonly baseUrl: string;
  /** The request's credentials, for handlers that read more than the caller (a refresh token cookie, say). */
  readonly credentials: Credentials;
  /** Aborts when the client goes away: a stream handler stops producing events. */
  readonly signal: AbortSignal;
  /** Throws a documented error; the core answers it in the platform's envelope. */
  fail(code: Code, message?: string, errors?: Record<string, string[]>): never;
}

type HandlerOf<H, Services, C extends Caller, Common extends string> = H extends {
  parsed: infer P;
  result: infer R;
  errors: infer E;
}
  ? (
      input: P & { caller: C },
      ctx: HandlerContext<Services, (E & string) | Common>,
    ) => R | Response | Promise<R | Response>
  : never;

/**
 * A platform's handler table: one handler per endpoint, typed by the contract. A handler answers its endpoint's
 * result, or a `Response` for a body that is not the platform's envelope (a script, markdown). `Common` names the error codes any
 * handler may use whatever its endpoint documents (the platform's validation and not-found codes, say).
 */
export type Handlers<C extends Contract, Services, K extends Caller, Common extends string = never> = {
  [R in keyof C]: { [E in keyof C[R]]: HandlerOf<NonNullable<C[R][E]["~handler"]>, Services, K, Common> };
};

/** What the core hands an envelope with a success: the request, and for a page of a list where its items go. */
export interface SuccessMeta {
  requestId: string;
  timestamp: string;
  /** A page of a list: `data` is its items. */
  page?: Omit<Page<unknown>, "items">;
  /** The key of `data` that holds a page's items (the endpoint's `items`), when they do not make `data` itself. */
  itemsKey?: string;
  /** The request's query (for links to other pages). */
  query?: Record<string, unknown>;
  /** The request's path, as it reached the server (for links to other pages). */
  path?: string;
}

export interface ServerEnvelope {
  /** The body of a success: `data` is the handler's answer (a page's items, for lists). */
  success(data: unknown, meta: SuccessMeta): unknown;
  failure(
    code: string,
    message: string,
    errors: Record<string, string[]> | undefined,
    meta: { requestId: string; timestamp: string },
  ): unknown;
  /** HTTP status of a platform error code (a platform that reports errors inside HTTP 200 answers 200). */
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
  /**
   * Requests per window for a documented group (`auth`, `pairing`), per address; `websocket` limits realtime
   * connections per address and minute. A group may have a window of its own.
   */
  groups: Record<string, number | { limit: number; windowMs: number }>;
  /** Requests per window for a caller with credentials. */
  authenticated: number;
  /**
   * A verified caller's own limits, in place of `authenticated` (a plan's quotas, say: 1000 an hour and 60 a
   * minute); `undefined` keeps `authenticated`. With several windows, a request must fit in each; the headers
   * describe the first, or the one that refused.
   */
  callerLimit?: (
    caller: Caller,
  ) => { limit: number; windowMs: number } | ReadonlyArray<{ limit: number; windowMs: number }> | undefined;
  /** Requests per window for an anonymous caller, on endpoints with no group. */
  anonymous: number;
  /** The window the limits count in, in milliseconds (an hourly quota is `3_600_000`). */
  windowMs: number;
  /**
   * Extra headers of every answer that carries rate-limit headers (a platform's own names for them).
   * @default none
   */
  headers?: (decision: {
    limit: number;
    remaining: number;
    reset: number;
    retryAfter: number;
  }) => Record<string, string>;
}

export interface PlatformDefinition<
  C extends Contract,
  Services,
  K extends Caller,
  Common extends string = never,
  Seed extends object = Record<string, string>,
> {
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
  /** Tables that grow with use, each with how many rows a server keeps by default (`store/retention.ts`). */
  retention?: readonly RetentionRule[];
  createServices(env: Environment): Services;
  /**
   * The auth requirement names the contract may use beside `none` and `optional`; mounting fails on any other,
   * so a typo in the contract cannot leave an endpoint unprotected.
   */
  authRequirements: readonly string[];
  /**
   * Resolves who is calling from the request's credentials (headers, query, cookies, address) for an endpoint's
   * auth requirement; throws a `Failure` to refuse.
   */
  authenticate(services: Services, requirement: AuthRequirement, credentials: Credentials): K;
  handlers: Handlers<C, Services, K, Common>;
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
  /** Creates demo data and tells what was made (credentials to log in with, ids). */
  seed?(services: Services): Promise<Seed>;
  /**
   * Starts a demo client of the seeded data (a machine agent for a seeded machine, say) against the listening
   * server, with `createServer({ seedAgent: true })`: called once the server listens and the platform was seeded,
   * and again after each seeding while it listens; what the previous call answered is stopped first, and at
   * `close()`.
   */
  seedAgent?(services: Services, target: SeedAgentTarget<Seed>): SeedAgentHandle | Promise<SeedAgentHandle>;
  /** Releases what the platform holds outside the store (child processes, timers) when the server closes. */
  dispose?(services: Services): void | Promise<void>;
  /**
   * `agentlane-server <id> <command...> [--db file]`: the platform's own commands (managing API keys, say), run
   * against the store without serving; answers the text to print, or throws an `Error` whose message is printed.
   */
  cli?(args: readonly string[], services: Services): string | Promise<string>;
  /** Stops what the platform runs outside the store, after `server.reset()` emptied its tables. */
  reset?(services: Services): void | Promise<void>;
  /** The live protocols the platform speaks (`pusherRealtime(...)`, `subscribeRealtime(...)`). */
  realtime?: readonly RealtimeKind<Services>[];
}

/** Where a platform's seed agent connects, and what the seeding it serves made. */
export interface SeedAgentTarget<Seed> {
  /** The platform's base URL on the listening server (`http://127.0.0.1:8000/claudenest`). */
  base: string;
  /** The certificate to trust when the server serves TLS with a certificate of its own. */
  ca?: string;
  /** What the last seeding made. */
  seed: Seed;
}

/** A running seed agent. */
export interface SeedAgentHandle {
  /** Disconnects it for good. */
  stop(): void | Promise<void>;
}

export type AnyPlatform = PlatformDefinition<any, any, any, any, any>;

export type { Failure };
