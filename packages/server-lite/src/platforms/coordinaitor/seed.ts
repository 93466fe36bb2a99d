/**
 * @module
 * Demo data for `--seed`: the organization and the administrator the document's examples log in as
 * (`admin@orchestrator.com` / `admin123`). The password is shorter than users created through the API may have;
 * it is the document's.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../core/ids.ts";
import type { CoServices } from "./services.ts";
import { DEFAULT_PREFERENCES } from "./state/views.ts";

export const ADMIN_EMAIL = "admin@orchestrator.com";
export const ADMIN_PASSWORD = "admin123";

/** What seeding CoordinAItor made: the administrator's account, user and organization. */
export interface CoordinAItorSeedInfo {
  email: string;
  password: string;
  userId: string;
  organizationId: string;
}

export async function seed(services: CoServices): Promise<CoordinAItorSeedInfo> {
  const existing = services.db.get<{ id: string; org_id: string }>(
    "SELECT id, org_id FROM co_users WHERE email = ?",
    ADMIN_EMAIL,
  );
  if (existing)
    return { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, userId: existing.id, organizationId: existing.org_id };
  const hash = await hashPassword(ADMIN_PASSWORD);
  const orgId = `org-${randomUUID()}`;
  const userId = `user-${randomUUID()}`;
  services.db.tx(() => {
    services.db.run(
      "INSERT INTO co_orgs (id, name, created_at) VALUES (?, ?, ?)",
      orgId,
      "Orchestrator",
      services.now(),
    );
    services.db.run(
      "INSERT INTO co_users (id, org_id, email, name, password_hash, role, preferences, created_at) VALUES (?, ?, ?, ?, ?, 'admin', ?, ?)",
      userId,
      orgId,
      ADMIN_EMAIL,
      "Administrator",
      hash,
      JSON.stringify(DEFAULT_PREFERENCES),
      services.now(),
    );
  });
  return { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, userId, organizationId: orgId };
}
