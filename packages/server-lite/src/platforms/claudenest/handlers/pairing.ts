/**
 * @module
 * §3 Pairing. Completing is one transaction: the machine is created and the code marked completed
 * together, or neither. The machine token is made when the pairing starts and kept only hashed and sealed with
 * the agent's pairing token (`state/pairing-seal.ts`); completing gives the machine that hash. A code the ClaudeNest
 * agent chose follows its own rules (`agent/pairing.ts`).
 */
import { randomInt } from "node:crypto";
import type { AgentInfo } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { hashToken, newToken, uuid } from "../../../core/ids.ts";
import { claimAgentCode, isAgentCode, pendingForAgent, secondsUntil } from "../agent/pairing.ts";
import { userOf } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { openToken, sealToken } from "../state/pairing-seal.ts";

const CODE_TTL_MS = 10 * 60 * 1000;
/** An expired code answers PAR_002 for this long, then PAR_001. */
const EXPIRED_KEPT_MS = 60 * 60 * 1000;
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

interface PairingRow {
  code: string;
  token_hash: string;
  agent_info: string;
  expires_at: number;
  completed_at: number | null;
  machine_id: string | null;
  machine_token_hash: string;
  machine_token_sealed: string;
  agent_code: number;
}

/** The fields of `agent_info` that become the machine's; the rest is not kept. */
function machineFields({ platform, hostname, arch, node_version, agent_version }: AgentInfo) {
  return { platform, hostname, arch, node_version, agent_version };
}

function newCode(): string {
  let letters = "";
  for (let i = 0; i < 3; i++) letters += LETTERS[randomInt(LETTERS.length)];
  return `${letters}-${String(randomInt(1000)).padStart(3, "0")}`;
}

function find(services: NestServices, code: string): PairingRow {
  const row = services.db.get<PairingRow>("SELECT * FROM cn_pairings WHERE code = ?", code.toUpperCase());
  if (!row || row.expires_at + EXPIRED_KEPT_MS <= services.now()) throw new Failure("PAR_001");
  return row;
}

export const pairing: NestHandlers<"pairing"> = {
  initiate({ body }, { services }) {
    const now = services.now();
    services.db.run("DELETE FROM cn_pairings WHERE expires_at <= ?", now - EXPIRED_KEPT_MS);
    const agentCode = body.code !== undefined;
    let code = body.code ?? newCode();
    if (agentCode) claimAgentCode(services, code);
    else while (services.db.get("SELECT 1 FROM cn_pairings WHERE code = ?", code)) code = newCode();
    const token = newToken("pt_");
    const machineToken = services.newMachineToken();
    services.db.run(
      `INSERT INTO cn_pairings (code, token_hash, agent_info, expires_at, machine_token_hash, machine_token_sealed, agent_code)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      code,
      hashToken(token),
      JSON.stringify(machineFields(body.agent_info)),
      now + CODE_TTL_MS,
      machineToken.hash,
      // An agent's code is polled without the temporary token: the code opens the seal.
      sealToken(machineToken.token, agentCode ? code : token),
      agentCode ? 1 : 0,
    );
    const ticket = { code, token, expires_at: services.clock.iso(now + CODE_TTL_MS) };
    return agentCode ? { ...ticket, expires_in_seconds: CODE_TTL_MS / 1000 } : ticket;
  },

  status({ params, caller }, { services, requestId }) {
    // No token at all is the ClaudeNest agent polling the code it chose; any other code needs its token first.
    if (caller.kind !== "pairing" && !isAgentCode(services, params.code))
      throw new Failure("AUTH_002", "Invalid pairing token");
    const row = find(services, params.code);
    const agentCode = row.agent_code === 1;
    if (caller.kind === "pairing" && caller.tokenHash !== row.token_hash)
      throw new Failure("AUTH_002", "Invalid pairing token");
    if (row.expires_at <= services.now()) throw new Failure("PAR_002");
    if (row.completed_at !== null && row.machine_id) {
      // The seal's key is the caller's token (its hash matched) or, for an agent's code, the code.
      const key = agentCode ? row.code : caller.kind === "pairing" ? caller.token : "";
      const machineToken = openToken(row.machine_token_sealed, key);
      if (machineToken === undefined) throw new Error(`The machine token of pairing ${row.code} does not open`);
      const completed = { status: "completed" as const, machine: { id: row.machine_id, token: machineToken } };
      return agentCode ? { ...completed, token: machineToken, machine_id: row.machine_id } : completed;
    }
    const pending = { status: "pending" as const, expires_at: services.clock.iso(row.expires_at) };
    if (!agentCode) return pending;
    return pendingForAgent(services, requestId, {
      ...pending,
      seconds_remaining: secondsUntil(services, row.expires_at),
    });
  },

  complete({ params, body, caller }, { services }) {
    const userId = userOf(caller);
    return services.db.tx(() => {
      const row = find(services, params.code);
      if (row.completed_at !== null) throw new Failure("PAR_003");
      const now = services.now();
      if (row.expires_at <= now) throw new Failure("PAR_002");
      const info = JSON.parse(row.agent_info) as Record<string, string | undefined>;
      // The agent that chose its code is online once its socket connects (`agent/socket.ts`), not before.
      const seenAt = row.agent_code === 1 ? null : now;
      const id = uuid();
      const name = body.name ?? info.hostname ?? "machine";
      services.db.run(
        `INSERT INTO cn_machines (id, user_id, name, platform, hostname, arch, node_version, agent_version, token_hash, last_seen_at, connected_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        userId,
        name,
        info.platform ?? "unknown",
        info.hostname ?? "unknown",
        info.arch ?? null,
        info.node_version ?? null,
        info.agent_version ?? null,
        row.machine_token_hash,
        seenAt,
        seenAt,
        services.clock.iso(now),
      );
      services.db.run("UPDATE cn_pairings SET completed_at = ?, machine_id = ? WHERE code = ?", now, id, row.code);
      return {
        machine: {
          id,
          name,
          platform: info.platform ?? "unknown",
          hostname: info.hostname ?? "unknown",
          status: seenAt === null ? "offline" : "online",
        },
        pairing: { code: row.code, completed_at: services.clock.iso(now) },
      };
    });
  },
};
