/**
 * @module
 * How `createServer()` assembles a server: platforms mounted on one Hono app over one SQLite store, served
 * in-process (`fetch`) or on a socket (`listen`, `server-socket.ts`). Loaded by `createServer` on its first call, so
 * importing the package costs nothing of Hono, zod or SQLite.
 */

import { createRequire } from "node:module";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { Clock } from "./core/clock.ts";
import { inProcessFetch } from "./core/dropped-connection.ts";
import { EventBus } from "./core/events.ts";
import { IdempotencyStore, idempotencyIndexMigration, idempotencyMigration } from "./core/idempotency.ts";
import { type MountedPlatform, mountPlatform } from "./core/implement.ts";
import { outsideEveryPlatform } from "./core/not-found.ts";
import type { AnyPlatform, ServerLimits } from "./core/platform.ts";
import { RateLimiter } from "./core/rate-limit.ts";
import { RevocationBus, UpgradeRouter } from "./core/realtime.ts";
import { mountDocs } from "./core/reference/docs-routes.ts";
import { SpawnGuard } from "./lib/spawn-guard.ts";
import { type PlatformId, platformIds, platformLoaders } from "./platforms/index.ts";
import { type RealtimeInfo, withPusherOptions } from "./realtime/pusher/kind.ts";
import type { LiteServer, SeedInfo, ServerOptions } from "./server-types.ts";
import { Database } from "./store/database.ts";
import { applyRetention } from "./store/retention.ts";
import { mountLite } from "./testing-aids/lite-routes.ts";
import { testingAids } from "./testing-aids/server-aids.ts";

/** server-lite's version. The path holds from `src/` and from the build's chunks in `dist/` alike. */
const VERSION: string = createRequire(import.meta.url)("../package.json").version;

/**
 * Builds the server `createServer(options)` answers.
 * @example const server = await buildServer({ seed: true });
 */
export async function buildServer(options: ServerOptions): Promise<LiteServer> {
  const clock = options.clock ?? new Clock();
  const own = options.definitions ?? [];
  const selected = await selectPlatforms(options.platform, own);
  const db = new Database(options.db ?? ":memory:");
  db.migrate([idempotencyMigration, idempotencyIndexMigration, ...selected.flatMap((p) => p.migrations)]);
  applyRetention(
    db,
    selected.flatMap((p) => p.retention ?? []),
    options.retention,
  );
  // One limiter: each limit counts in its platform's (or group's) own window.
  const rateLimiter = options.rateLimit ? new RateLimiter(clock, 60_000) : undefined;
  const limits = resolveLimits(options.limits);
  const idempotency = new IdempotencyStore(db, clock, limits.idempotencyKeysPerCaller);
  const onError = options.onError ?? ((error: unknown) => console.error("server-lite: unexpected error", error));
  const events = new EventBus();
  const app = new Hono();
  const servicesById = new Map<string, unknown>();
  const spawn = new SpawnGuard(options.exec ?? [], { args: options.execArgs ?? false });
  const revocations = new RevocationBus();
  const mounted: { platform: AnyPlatform; mount: MountedPlatform; prefix: string; services: unknown }[] = [];
  const seedInfo: Record<string, Record<string, string>> = {};
  const aids = testingAids({
    app,
    db,
    clock,
    owners: [
      { id: "core", tables: ["_idempotency"] },
      ...selected.map((platform) => ({ id: platform.id, tables: platform.tables })),
    ],
    lite: options.lite ?? false,
    options,
    seedInfo,
    afterStateReplaced,
    version: VERSION,
  });
  const typedSeedInfo = seedInfo as SeedInfo;

  if (options.cors) {
    app.use(
      "*",
      cors({
        origin: options.cors === true ? "*" : options.cors,
        exposeHeaders: [
          "x-request-id",
          "x-ratelimit-limit",
          "x-ratelimit-remaining",
          "x-ratelimit-reset",
          "retry-after",
          "idempotent-replayed",
        ],
        maxAge: 600,
      }),
    );
  }
  if (options.lite)
    mountLite(app, {
      clock,
      reset: (how) => server.reset(how),
      seed: () => seedInfo,
      chaos: aids.injector,
      recorder: aids.recorder,
      snapshot: () => server.snapshot(),
      restore: (snapshot) => server.restore(snapshot),
    });
  for (const platform of selected) {
    const services = platform.createServices({
      db,
      clock,
      events,
      exec: options.exec ?? [],
      spawn,
      revocations,
      limits,
      options: options.platformOptions?.[platform.id] ?? {},
    });
    servicesById.set(platform.id, services);
    const prefix = options.platform ? "" : `/${platform.id}`;
    const mount = mountPlatform(app, platform, {
      prefix,
      clock,
      rateLimiter,
      idempotency,
      revocations,
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
      services,
      onError,
      faults: aids.requestFaults,
    });
    mounted.push({ platform, mount, prefix, services });
  }

  const upgrades = new UpgradeRouter(aids.upgradeFaults);
  const realtime: Record<string, RealtimeInfo> = {};
  const realtimeEndpoints: Record<string, { kind: string; info: Record<string, string> }[]> = {};
  for (const { platform, mount, prefix, services } of mounted) {
    for (const kind of withPusherOptions(platform.realtime, options.realtime)) {
      const endpoint = kind.start({
        app,
        platformId: platform.id,
        base: mount.base,
        prefix,
        services,
        events,
        revocations,
        clock,
        envelope: platform.envelope,
        rateLimiter,
        connectionsPerMinute: limitOf(platform.rateLimits.groups.websocket),
        maxPayload: options.bodyLimit ?? 1024 * 1024,
        subscriptionsPerConnection: limits.subscriptionsPerConnection,
        connectionsPerIdentity: limits.connectionsPerToken,
        onError,
        failWith: mount.failWith,
      });
      upgrades.add(endpoint);
      realtimeEndpoints[platform.id] = [
        ...(realtimeEndpoints[platform.id] ?? []),
        { kind: endpoint.kind, info: { ...endpoint.info } },
      ];
      if (endpoint.kind === "pusher") realtime[platform.id] = endpoint.info as unknown as RealtimeInfo;
    }
  }

  mountDocs(app, {
    docs: mounted.map(({ platform, mount }) => ({ platform, base: mount.base })),
    outside: (c) => c.json(outsideEveryPlatform(c.req.method, c.req.path, mounted), 404),
  });

  const owner = (path: string) => mounted.find(({ mount }) => path === mount.base || path.startsWith(`${mount.base}/`));
  app.notFound((c) => {
    const found = owner(c.req.path);
    if (!found) return c.json(outsideEveryPlatform(c.req.method, c.req.path, mounted), 404);
    const methods = found.mount.methodsFor(c.req.path);
    if (methods.length > 0)
      return found.mount.fail(c, found.platform.envelope.codes.methodNotAllowed, { allow: methods.join(", ") });
    return found.mount.fail(c, found.platform.envelope.codes.notFound);
  });
  app.onError((error, c) => {
    onError(error);
    const found = owner(c.req.path);
    return found
      ? found.mount.fail(c, found.platform.envelope.codes.internal)
      : c.json({ error: "Internal server error" }, 500);
  });

  let http: { close(done: () => void): void; closeAllConnections?(): void } | undefined;
  let listenCalled = false;
  let url: string | undefined;
  let tls: LiteServer["tls"];
  let closed = false;
  // Loaded only when asked for: the demo agents bring the SDK's agent client.
  const seedAgents = options.seedAgent ? new (await import("./seed-agents.ts")).SeedAgents() : undefined;

  const server: LiteServer = {
    fetch: inProcessFetch(app),
    async listen(port = 0, host = "127.0.0.1") {
      if (listenCalled) throw new Error("server-lite is already listening");
      listenCalled = true;
      const { listenOnSocket } = await import("./server-socket.ts");
      const listening = await listenOnSocket({ app, upgrades, mounted, clock, tls: options.tls, port, host });
      http = listening.http;
      tls = listening.tls;
      url = listening.url;
      await startSeedAgents();
      return url;
    },
    async close() {
      if (closed) return;
      closed = true;
      await seedAgents?.stop();
      await aids.close();
      await Promise.all(selected.map((platform) => platform.dispose?.(servicesById.get(platform.id))));
      await upgrades.close();
      if (http) {
        const closing = http;
        http = undefined;
        url = undefined;
        listenCalled = false;
        closing.closeAllConnections?.();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
      db.close();
    },
    get url() {
      return url;
    },
    get tls() {
      return tls;
    },
    clock,
    db,
    app,
    events,
    bases: Object.fromEntries(mounted.map((m) => [m.platform.id, m.mount.base])),
    realtime,
    realtimeEndpoints,
    seedInfo: typedSeedInfo,
    services: (id) => servicesById.get(id),
    ...aids.controls,
    async reset(how = {}) {
      // A seed agent serves the seeded rows: it goes with them, and comes back with them.
      await seedAgents?.stop();
      if (how.keepSeed && (await aids.resetToSeed())) return startSeedAgents();
      db.truncate(["_idempotency", ...selected.flatMap((p) => p.tables)]);
      await afterStateReplaced();
    },
    async seed() {
      for (const platform of selected) {
        if (platform.seed) seedInfo[platform.id] = await platform.seed(servicesById.get(platform.id));
      }
      aids.seeded();
      await startSeedAgents();
      return typedSeedInfo;
    },
  };
  /** (Re)starts the seed agents, when asked for and listening (see `seedAgent`). */
  async function startSeedAgents(): Promise<void> {
    if (seedAgents && url && !closed) await seedAgents.start(url, mounted, seedInfo, tls?.cert);
  }
  /** Rate-limit windows and the processes of rows that are gone go with the state they belonged to. */
  async function afterStateReplaced(): Promise<void> {
    rateLimiter?.clear();
    await Promise.all(selected.map((platform) => platform.reset?.(servicesById.get(platform.id))));
  }

  if (options.seed) await server.seed();
  await aids.load();
  return server;
}

/** The platforms a server mounts: one by id (built in or of the caller's own), or all of both. */
async function selectPlatforms(id: string | undefined, own: readonly AnyPlatform[]): Promise<AnyPlatform[]> {
  if (id === undefined)
    return [...(await Promise.all(platformIds.map((platformId) => platformLoaders[platformId]()))), ...own];
  const mine = own.find((p) => p.id === id);
  if (mine) return [mine];
  if (!(platformIds as string[]).includes(id))
    throw new TypeError(`Unknown platform "${id}": ${platformIds.join(", ")}`);
  return [await platformLoaders[id as PlatformId]()];
}

/** Every limit with its default. */
function resolveLimits(limits: ServerLimits = {}): Required<ServerLimits> {
  return {
    idempotencyKeysPerCaller: limits.idempotencyKeysPerCaller ?? 1000,
    processesPerUser: limits.processesPerUser ?? 10,
    processes: limits.processes ?? 50,
    subscriptionsPerConnection: limits.subscriptionsPerConnection ?? 100,
    connectionsPerToken: limits.connectionsPerToken ?? 20,
  };
}

/** A rate-limit group's count, whatever its form. */
function limitOf(group: number | { limit: number } | undefined): number | undefined {
  return typeof group === "object" ? group.limit : group;
}
