/**
 * @module
 * Demo data for `agentlane-server --seed`: a user with a fresh personal token, and a machine with a fresh machine
 * token.
 */
import { hashPassword, uuid } from "../../core/ids.ts";
import type { NestServices } from "./services.ts";

export const DEMO_EMAIL = "demo@agentlane.dev";
export const DEMO_PASSWORD = "agentlane-demo";
export const DEMO_MACHINE = "Demo Workstation";

/** What seeding ClaudeNest made: the demo account, a personal token, and the demo machine with its token. */
export interface ClaudeNestSeedInfo {
  email: string;
  password: string;
  token: string;
  machineId: string;
  machineToken: string;
}

export async function seed(services: NestServices): Promise<ClaudeNestSeedInfo> {
  let user = services.db.get<{ id: string }>("SELECT id FROM cn_users WHERE email = ?", DEMO_EMAIL);
  if (!user) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    user = { id: uuid() };
    services.db.run(
      "INSERT INTO cn_users (id, email, name, password_hash, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      user.id,
      DEMO_EMAIL,
      "Demo User",
      passwordHash,
      services.clock.iso(),
      services.clock.iso(),
    );
  }
  // The machine token is stored only as a hash, so each seeding gives the demo machine a new one to print: an
  // agent started from what was printed can act as the machine (and bring it online) straight away.
  const { token: machineToken, hash } = services.newMachineToken();
  let machine = services.db.get<{ id: string }>(
    "SELECT id FROM cn_machines WHERE user_id = ? AND name = ?",
    user.id,
    DEMO_MACHINE,
  );
  if (machine) services.db.run("UPDATE cn_machines SET token_hash = ? WHERE id = ?", hash, machine.id);
  else {
    machine = { id: uuid() };
    services.db.run(
      "INSERT INTO cn_machines (id, user_id, name, platform, hostname, arch, capabilities, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      machine.id,
      user.id,
      DEMO_MACHINE,
      "linux",
      "demo.local",
      "x64",
      JSON.stringify(["wake_on_lan"]),
      hash,
      services.clock.iso(),
    );
  }
  const { token } = services.issueToken(user.id, { name: "demo" });
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, token, machineId: machine.id, machineToken };
}
