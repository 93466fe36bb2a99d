// Generated from the platform registry by scripts/gen-platforms.ts: do not edit.
/**
 * @module
 * Each platform's compatibility-check profile (`platforms/<id>/check.ts`), as a loader: a check imports only
 * the platform it checks.
 */
import type { CheckProfile } from "./profile.ts";

/** Each platform's profile loader, by id. */
export const checkProfileLoaders = {
  actus: async () => (await import("../platforms/actus/check.ts")).checkProfile,
  caipe: async () => (await import("../platforms/caipe/check.ts")).checkProfile,
  ccjk: async () => (await import("../platforms/ccjk/check.ts")).checkProfile,
  claudenest: async () => (await import("../platforms/claudenest/check.ts")).checkProfile,
  coordinaitor: async () => (await import("../platforms/coordinaitor/check.ts")).checkProfile,
} as const satisfies Record<string, () => Promise<CheckProfile>>;
