/**
 * @module
 * `createServer()`: platforms mounted on one Hono app over one SQLite store, served in-process (`fetch`) or on a
 * socket (`listen`). Platforms are loaded only when mounted; each brings its realtime kinds, whose WebSocket
 * upgrades are dispatched by path.
 */

import { X509Certificate } from "node:crypto";
import type { Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { Clock } from "./core/clock.ts";
import { docsPage, openAPIDocument } from "./core/docs.ts";
import { RENDERER_PATH, referencePage, rendererScript } from "./core/docs-renderer.ts";
import { inProcessFetch, socketFetch } from "./core/dropped-connection.ts";
import { EventBus } from "./core/events.ts";
import { IdempotencyStore, idempotencyIndexMigration, idempotencyMigration } from "./core/idempotency.ts";
import { type MountedPlatform, mountPlatform } from "./core/implement.ts";
import { outsideEveryPlatform } from "./core/not-found.ts";
import { requestIdFrom } from "./core/pipeline/respond.ts";
import type { AnyPlatform, ServerLimits } from "./core/platform.ts";
import { RateLimiter } from "./core/rate-limit.ts";
import { RevocationBus, UpgradeRouter } from "./core/realtime.ts";
import { selfSignedCertificate } from "./lib/self-signed.ts";
import { SpawnGuard } from "./lib/spawn-guard.ts";
import { type PlatformId, platformIds, platformLoaders } from "./platforms/index.ts";
import { type RealtimeInfo, withPusherOptions } from "./realtime/pusher/kind.ts";
import { SeedAgents } from "./seed-agents.ts";
import { Database } from "./store/database.ts";
import { applyRetention } from "./store/retention.ts";
import { mountLite } from "./testing-aids/lite-routes.ts";
import { testingAids } from "./testing-aids/server-aids.ts";

export type { LiteServer, SeedInfo, ServerOptions } from "./server-types.ts";
export type { AnyPlatform, ServerLimits };

import type { LiteServer, SeedInfo, ServerOptions } from "./server-types.ts";

export { type PlatformId, platformIds };

/** server-lite's version. The path holds from `src/server.ts` and from the build's chunks in `dist/` alike. */
const VERSION: string = createRequire(import.meta.url)("../package.json").version;

/** Loads a platform's definition by id (only the platforms a server mounts are ever imported). */
export async function loadPlatform(id: PlatformId): Promise<AnyPlatform> {
  return platformLoaders[id]();
}

export async function createServer(options: ServerOptions = {}): Promise<LiteServer> {
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

  const docs = mounted.map(({ platform, mount }) => ({ platform, base: mount.base }));
  // The document names the origin it was asked on; made once per origin.
  const openapi = new Map<string, string>();
  app.get("/openapi.json", (c) => {
    const origin = new URL(c.req.url).origin;
    let document = openapi.get(origin);
    if (!document) {
      document = JSON.stringify(openAPIDocument(docs, origin));
      if (openapi.size < 16) openapi.set(origin, document);
    }
    return c.body(document, 200, { "content-type": "application/json" });
  });
  // The rendered reference when the renderer's bundle is there, else the plain overview.
  app.get("/docs", (c) =>
    c.html(rendererScript() ? referencePage("/openapi.json", "/docs/endpoints") : docsPage(docs)),
  );
  app.get("/docs/endpoints", (c) => c.html(docsPage(docs)));
  app.get(RENDERER_PATH, (c) => {
    const script = rendererScript();
    if (!script) return c.json(outsideEveryPlatform(c.req.method, c.req.path, mounted), 404);
    return c.body(script, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    });
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

  let http: Server | undefined;
  let url: string | undefined;
  const seedAgents = new SeedAgents();
  let tls: LiteServer["tls"];
  let closed = false;

  const server: LiteServer = {
    fetch: inProcessFetch(app),
    async listen(port = 0, host = "127.0.0.1") {
      if (http) throw new Error("server-lite is already listening");
      const pair =
        options.tls === true
          ? await selfSignedCertificate([host, "localhost", "127.0.0.1"])
          : options.tls
            ? { ...options.tls, fingerprint256: new X509Certificate(options.tls.cert).fingerprint256 }
            : undefined;
      http = (
        pair
          ? createAdaptorServer({
              fetch: socketFetch(app),
              hostname: host,
              createServer: createHttpsServer,
              serverOptions: { key: pair.key, cert: pair.cert },
            })
          : createAdaptorServer({ fetch: socketFetch(app), hostname: host })
      ) as Server;
      tls = pair ? { cert: pair.cert, fingerprint256: pair.fingerprint256 } : undefined;
      http.on("upgrade", (request, socket, head) => upgrades.handleUpgrade(request, socket, head));
      http.on("clientError", (error: NodeJS.ErrnoException, socket) =>
        answerClientError(error, socket, mounted, clock),
      );
      await new Promise<void>((resolve, reject) => {
        http!.once("error", reject);
        http!.listen(port, host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      url = `${tls ? "https" : "http"}://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
      await startSeedAgents();
      return url;
    },
    async close() {
      if (closed) return;
      closed = true;
      await seedAgents.stop();
      await aids.close();
      await Promise.all(selected.map((platform) => platform.dispose?.(servicesById.get(platform.id))));
      await upgrades.close();
      if (http) {
        const closing = http;
        http = undefined;
        url = undefined;
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
      await seedAgents.stop();
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
    if (options.seedAgent && url && !closed) await seedAgents.start(url, mounted, seedInfo, tls?.cert);
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

/**
 * Answers a request Node could not parse (headers too large, say) in the platform's envelope when one platform
 * is mounted (its path is unknown: the request was never read), else as plain JSON.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  mounted: ReadonlyArray<{ platform: AnyPlatform }>,
  clock: Clock,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const message = tooLarge ? "The request's headers are too large." : "The request could not be read.";
  const only = mounted.length === 1 ? mounted[0]!.platform.envelope : undefined;
  const requestId = requestIdFrom(undefined);
  const body = JSON.stringify(
    only
      ? only.failure(only.codes.badRequest, message, undefined, { requestId, timestamp: clock.iso() })
      : { error: message },
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The platforms a server mounts: one by id (built in or of the caller's own), or all of both. */
async function selectPlatforms(id: string | undefined, own: readonly AnyPlatform[]): Promise<AnyPlatform[]> {
  if (id === undefined) return [...(await Promise.all(platformIds.map(loadPlatform))), ...own];
  const mine = own.find((p) => p.id === id);
  if (mine) return [mine];
  if (!(platformIds as string[]).includes(id))
    throw new TypeError(`Unknown platform "${id}": ${platformIds.join(", ")}`);
  return [await loadPlatform(id as PlatformId)];
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
