/**
 * @module
 * `createServer()`: platforms mounted on one Hono app over one SQLite store, served in-process (`fetch`) or on a
 * socket (`listen`). This module is what importing the package costs, so it holds only the entry points: the
 * assembly (`server-app.ts`) is loaded by the first `createServer` call, and each platform when it is mounted.
 */
import type { AnyPlatform, ServerLimits } from "./core/platform.ts";
import { type PlatformId, platformIds, platformLoaders } from "./platforms/index.ts";
import type { LiteServer, ServerOptions } from "./server-types.ts";

export type { LiteServer, SeedInfo, ServerOptions } from "./server-types.ts";
export type { AnyPlatform, ServerLimits };

export { type PlatformId, platformIds };

/** Loads a platform's definition by id (only the platforms a server mounts are ever imported). */
export async function loadPlatform(id: PlatformId): Promise<AnyPlatform> {
  return platformLoaders[id]();
}

/**
 * A server of the platforms (all of them, each under `/<id>`, or `platform` alone at its documented root), in
 * memory unless `db` names a file.
 * @example
 * const server = await createServer({ seed: true });
 * const url = await server.listen(0);
 */
export async function createServer(options: ServerOptions = {}): Promise<LiteServer> {
  const { buildServer } = await import("./server-app.ts");
  return buildServer(options);
}
