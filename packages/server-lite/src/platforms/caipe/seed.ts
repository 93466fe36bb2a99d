/**
 * @module
 * Demo data for `agentlane-server --seed`: an admin and a user (both in the `platform` team), each with a fresh
 * bearer token. `GET /_lite/seed` answers them as `{"caipe": {"adminToken", "userToken"}}`.
 */
import type { CaipeServices } from "./state/services.ts";

/** The seeded admin. */
export const ADMIN_EMAIL = "admin@caipe.local";
/** The seeded user. */
export const USER_EMAIL = "user@caipe.local";

/** Creates (or finds) the admin and the user and issues each a fresh token. */
/** What seeding CAIPE Skills made: an administrator's and a user's bearer token. */
export interface CaipeSeedInfo {
  adminToken: string;
  userToken: string;
}

export async function seed(services: CaipeServices): Promise<CaipeSeedInfo> {
  const admin = services.users.ensure({ email: ADMIN_EMAIL, name: "CAIPE Admin", role: "admin", teams: ["platform"] });
  const user = services.users.ensure({ email: USER_EMAIL, name: "CAIPE User", role: "user", teams: ["platform"] });
  return { adminToken: services.users.issueToken(admin.id), userToken: services.users.issueToken(user.id) };
}
