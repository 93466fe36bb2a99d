// Generated from the platform registry by scripts/gen-platforms.ts: do not edit.
/**
 * @module
 * Every platform server-lite implements, as a loader: a server imports only the platforms it mounts.
 */
import type { AnyPlatform } from "../core/platform.ts";

/** Each platform's loader, by id. */
export const platformLoaders = {
  actus: async () => (await import("./actus/index.ts")).actus,
  caipe: async () => (await import("./caipe/index.ts")).caipe,
  ccjk: async () => (await import("./ccjk/index.ts")).ccjk,
  claudenest: async () => (await import("./claudenest/index.ts")).claudenest,
  coordinaitor: async () => (await import("./coordinaitor/index.ts")).coordinaitor,
} as const satisfies Record<string, () => Promise<AnyPlatform>>;

/** The id of a platform server-lite implements. */
export type PlatformId = keyof typeof platformLoaders;

/** Every platform id, in registry order. */
export const platformIds = Object.keys(platformLoaders) as PlatformId[];
