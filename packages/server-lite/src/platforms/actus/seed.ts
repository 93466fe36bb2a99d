/**
 * @module
 * Demo data: a `super_admin` to sign in with (`GET /_lite/seed` answers `{"actus": {username, email, password}}`).
 */
import { hashPassword } from "../../core/ids.ts";
import type { ActusServices } from "./state/services.ts";
import { createUser, type UserRow } from "./state/users.ts";

export const SEED_ADMIN = { username: "admin", email: "admin@actus.local", password: "admin123456" };

/** What seeding Actus made: the administrator's account. */
export interface ActusSeedInfo {
  username: string;
  email: string;
  password: string;
}

export async function seed(services: ActusServices): Promise<ActusSeedInfo> {
  const existing = services.db.get<UserRow>("SELECT * FROM act_users WHERE username = ?", SEED_ADMIN.username);
  if (!existing)
    createUser(services, {
      username: SEED_ADMIN.username,
      email: SEED_ADMIN.email,
      nickname: "Administrator",
      passwordHash: await hashPassword(SEED_ADMIN.password),
      role: "super_admin",
    });
  return { ...SEED_ADMIN };
}
