/**
 * @module
 * Where each platform's compatibility-check profile lives (`platforms/<id>/check.ts`), loaded only when checked.
 * A test keeps this list equal to the platform registry.
 */
import type { CheckProfile } from "./profile.ts";

/** Each platform's profile loader, by id. */
export const checkProfileLoaders: Readonly<Record<string, () => Promise<CheckProfile>>> = {
  actus: async () => (await import("../platforms/actus/check.ts")).checkProfile,
  caipe: async () => (await import("../platforms/caipe/check.ts")).checkProfile,
  ccjk: async () => (await import("../platforms/ccjk/check.ts")).checkProfile,
  claudenest: async () => (await import("../platforms/claudenest/check.ts")).checkProfile,
  coordinaitor: async () => (await import("../platforms/coordinaitor/check.ts")).checkProfile,
};

/** The ids a check knows, in registry order. */
export const checkablePlatforms: readonly string[] = Object.keys(checkProfileLoaders);

/**
 * A platform's profile by id; an unknown id throws a `RangeError` naming the known ones.
 * @example const profile = await loadCheckProfile("claudenest");
 */
export async function loadCheckProfile(id: string): Promise<CheckProfile> {
  const load = Object.hasOwn(checkProfileLoaders, id) ? checkProfileLoaders[id] : undefined;
  if (!load) throw new RangeError(`unknown platform "${id}": one of ${checkablePlatforms.join(", ")}`);
  return load();
}
