/**
 * @module
 * What `createServer()` takes and gives: its options, the server it answers, and the typed seed information.
 * Kept apart from the assembly in `server.ts` so that each reads in one sitting.
 */
import type { Hono } from "hono";
import type { Clock } from "./core/clock.ts";
import type { EventBus } from "./core/events.ts";
import type { AnyPlatform, ServerLimits } from "./core/platform.ts";
import type { PlatformId, platformLoaders } from "./platforms/index.ts";
import type { RealtimeInfo, RealtimeOptions } from "./realtime/pusher/kind.ts";
import type { Database } from "./store/database.ts";
import type { RetentionOptions } from "./store/retention.ts";
import type { TestingAidControls, TestingAidOptions } from "./testing-aids/server-aids.ts";

export interface ServerOptions extends TestingAidOptions {
  /**
   * SQLite location: `:memory:` or a file path (opened in WAL mode).
   * @default ":memory:"
   */
  db?: string;
  /** Create demo data (a user with a token, a machine); `server.seedInfo` tells what was made. */
  seed?: boolean;
  /**
   * With `seed`, run each platform's demo agent for what seeding made while the server listens (ClaudeNest: a
   * machine agent for the seeded machine, built on the SDK's `connectAgent()`, so the machine is online and its
   * sessions echo their input). It runs nothing on the host.
   * @default false
   */
  seedAgent?: boolean;
  /** The clock every expiry reads. @default a real-time clock */
  clock?: Clock;
  /**
   * Enforce the documented rate limits, with `X-RateLimit-*` headers.
   * @default false (the CLI turns them on)
   */
  rateLimit?: boolean;
  /**
   * Serve `/_lite/*` for tests: the clock, reset, seed, faults (`/_lite/chaos`), recorded requests and snapshots.
   * @default false
   */
  lite?: boolean;
  /** Mount only this platform, at its documented root (`/api/...`), instead of all under `/<id>`. */
  platform?: PlatformId | (string & {});
  /**
   * Platform definitions of your own, mounted beside the built-in ones (each under `/<id>`); name one in
   * `platform` to mount it alone at its root. See `docs/adding-a-platform.md`.
   */
  definitions?: readonly AnyPlatform[];
  /**
   * Answer browsers' CORS preflights and let pages on these origins (`true`: any origin) call the API and read
   * the headers the SDK needs (request id, rate limits, `Retry-After`). Tokens travel as bearer headers, never
   * cookies, so no credentials mode is offered.
   * @default false (the CLI turns it on for any origin)
   * @example ["http://localhost:5173"]
   */
  cors?: boolean | string[];
  /**
   * Largest request body accepted, in bytes.
   * @default 1048576
   */
  bodyLimit?: number;
  /**
   * Commands the server may run for PTY sessions and MCP servers (names such as `bash`, or absolute paths).
   * Without it, sessions and MCP servers are recorded but nothing runs.
   * @default []
   * @example ["bash"]
   */
  exec?: readonly string[];
  /**
   * Let allowed commands take any arguments (`true`), or these exact arguments per command. Without it, arguments
   * that make an allowed interpreter run code given in them (`-e`, `-c`, `--import`, ...) are refused, and so are
   * one-shot shell sessions (`<shell> -c <prompt>`).
   * @default false
   * @example { node: ["mcp-server.js"] }
   */
  execArgs?: boolean | Readonly<Record<string, readonly string[]>>;
  /** Caps on what one caller, and the server, may hold; each answered with the platform's documented error. */
  limits?: ServerLimits;
  /**
   * How many rows to keep of the tables that grow with use (activity feeds, logs, outboxes), by table, or
   * `false` to keep them all; the defaults are each platform's, listed in the README ("Retention").
   * @example { cn_activity: 200, co_logs: false }
   */
  retention?: RetentionOptions;
  /** Called with errors a handler did not expect (answered as 500). @default console.error */
  onError?: (error: unknown) => void;
  /**
   * Pusher-protocol realtime settings; they override each platform's hooks, and turn realtime on for
   * platforms that have none (public channels, and private ones as `authorize` decides).
   */
  realtime?: RealtimeOptions;
  /**
   * Settings of a platform's own, by platform id; each platform documents and checks its own (ClaudeNest:
   * `compat`, `browseRoot`; see `platforms/claudenest/settings.ts`). An invalid setting fails `createServer`.
   * @example { claudenest: { compat: "real", browseRoot: "/home/me/projects" } }
   */
  platformOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Listen with TLS (`https`, `wss`): `true` makes a self-signed certificate for the listening address, `localhost`
   * and `127.0.0.1` when `listen` is called (see `server.tls`), or give a key and certificate in PEM. For browser
   * clients that insist on `wss` (pusher-js with `forceTLS`), which must then be told to trust it.
   * @default false
   * @example { tls: true }
   */
  tls?: boolean | { key: string; cert: string };
}

/** What a platform's `seed` tells, from its definition's type. */
type SeedOf<P> = P extends { seed?(services: never): Promise<infer S> } ? S : Record<string, string>;

/**
 * What seeding made, by platform id: typed for the platforms server-lite implements (`seedInfo.claudenest` is a
 * `ClaudeNestSeedInfo`), plain strings for a platform of the user's own. A platform not mounted is absent.
 */
export type SeedInfo = {
  readonly [K in PlatformId]?: Readonly<SeedOf<Awaited<ReturnType<(typeof platformLoaders)[K]>>>>;
} & { readonly [id: string]: Readonly<Record<string, string>> | undefined };

export interface LiteServer extends TestingAidControls {
  /** Serves a request in-process, without a socket. */
  fetch(request: Request): Promise<Response>;
  /** Starts listening (port 0 picks a free one); resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The certificate served once listening with `tls` (PEM) and its SHA-256 fingerprint. */
  readonly tls: { cert: string; fingerprint256: string } | undefined;
  /** The base URL once listening. */
  readonly url: string | undefined;
  readonly clock: Clock;
  readonly db: Database;
  readonly app: Hono;
  /** The event bus realtime transports subscribe to. */
  readonly events: EventBus;
  /** Where each platform is mounted, e.g. `{ claudenest: "/claudenest/api" }`. */
  readonly bases: Readonly<Record<string, string>>;
  /** Each Pusher-protocol platform's app key, `wsPath` and auth endpoint path. */
  readonly realtime: Readonly<Record<string, RealtimeInfo>>;
  /** Every realtime endpoint by platform: its kind and what a client needs to connect. */
  readonly realtimeEndpoints: Readonly<Record<string, ReadonlyArray<{ kind: string; info: Record<string, string> }>>>;
  /** What `seed` created, by platform, in each platform's own terms (`seedInfo.claudenest?.token`). */
  readonly seedInfo: SeedInfo;
  /** The services object of a platform (store access for tests and tools). */
  services(id: PlatformId): unknown;
  /**
   * Empties every table and rate-limit window at once, then stops the processes (sessions, MCP servers) that
   * belonged to the wiped rows; the promise resolves when they have exited. With `keepSeed`, what `seed` made
   * is put back.
   */
  reset(options?: { keepSeed?: boolean }): Promise<void>;
  /** Adds demo data to every mounted platform. */
  seed(): Promise<SeedInfo>;
}
