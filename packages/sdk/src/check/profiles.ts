/**
 * @module
 * Finds a platform's compatibility-check profile by id, through the loaders `scripts/gen-platforms.ts` derives
 * from the platform registry (`profiles.generated.ts`).
 */
import type { CheckProfile } from "./profile.ts";
import { checkProfileLoaders } from "./profiles.generated.ts";

/** The ids a check knows, in id order. */
export const checkablePlatforms: readonly string[] = Object.keys(checkProfileLoaders);

/**
 * A platform's profile by id; an unknown id throws a `RangeError` naming the known ones.
 * @example const profile = await loadCheckProfile("claudenest");
 */
export async function loadCheckProfile(id: string): Promise<CheckProfile> {
  const load = Object.hasOwn(checkProfileLoaders, id)
    ? checkProfileLoaders[id as keyof typeof checkProfileLoaders]
    : undefined;
  if (!load) throw new RangeError(`unknown platform "${id}": one of ${checkablePlatforms.join(", ")}`);
  return load();
}
