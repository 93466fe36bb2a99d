/**
 * @module
 * What ClaudeNest handlers share: the store, the clock, and the few operations several resources need.
 */
import type { Machine, User } from "@agentlane/sdk/claudenest/contract";
import type { Clock } from "../../core/clock.ts";
import type { EventBus } from "../../core/events.ts";
import { hashToken, newToken, uuid } from "../../core/ids.ts";
import type { Environment } from "../../core/platform.ts";
import type { Database } from "../../store/database.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A machine whose agent was seen this recently is online. */
export const ONLINE_WINDOW_MS = 5 * 60 * 1000;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  avatar_url: string | null;
  email_verified_at: string | null;
}

export interface MachineRow {
  id: string;
  user_id: string;
  name: string;
  platform: string;
  hostname: string;
  arch: string | null;
  node_version: string | null;
  agent_version: string | null;
  claude_version: string | null;
  claude_path: string | null;
  capabilities: string;
  max_sessions: number;
  last_seen_at: number | null;
  connected_at: number | null;
  woken_at: number | null;
  created_at: string;
}

export class NestServices {
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;

  constructor(env: Environment) {
    this.db = env.db;
    this.clock = env.clock;
    this.events = env.events;
  }

  now(): number {
    return this.clock.now();
  }

  iso(at: number | null | undefined): string | null {
    return at === null || at === undefined ? null : this.clock.iso(at);
  }

  user(id: string): User {
    const row = this.db.get<UserRow>("SELECT * FROM cn_users WHERE id = ?", id)!;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      avatar_url: row.avatar_url,
      email_verified_at: row.email_verified_at,
    };
  }

  /** Issues a token for a user; only its hash is kept. */
  issueToken(
    userId: string,
    options: {
      name: string;
      kind?: "personal" | "refresh";
      abilities?: string[];
      ttlMs?: number | undefined;
      prefix?: string;
    },
  ) {
    const token = newToken(options.prefix ?? "cn_");
    const id = uuid();
    const expiresAt = options.ttlMs === undefined ? null : this.now() + options.ttlMs;
    const abilities = options.abilities ?? ["*"];
    this.db.run(
      "INSERT INTO cn_tokens (id, user_id, name, kind, token_hash, abilities, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      id,
      userId,
      options.name,
      options.kind ?? "personal",
      hashToken(token),
      JSON.stringify(abilities),
      expiresAt,
      this.clock.iso(),
    );
    return { id, token, abilities, expires_at: this.iso(expiresAt) };
  }

  machineStatus(row: Pick<MachineRow, "last_seen_at" | "woken_at">): Machine["status"] {
    const now = this.now();
    if (row.last_seen_at !== null && now - row.last_seen_at < ONLINE_WINDOW_MS) return "online";
    if (row.woken_at !== null && now - row.woken_at < ONLINE_WINDOW_MS) return "connecting";
    return "offline";
  }

  /** Active sessions of a machine; counted from the sessions table once it exists. */
  activeSessions(_machineId: string): number {
    return 0;
  }

  machine(row: MachineRow): Machine {
    return {
      id: row.id,
      name: row.name,
      platform: row.platform,
      hostname: row.hostname,
      arch: row.arch,
      status: this.machineStatus(row),
      active_sessions_count: this.activeSessions(row.id),
      max_sessions: row.max_sessions,
      capabilities: JSON.parse(row.capabilities) as string[],
      last_seen_at: this.iso(row.last_seen_at),
      connected_at: this.iso(row.connected_at),
      created_at: row.created_at,
    };
  }

  /** A new machine token: returned once, stored hashed. */
  newMachineToken(): { token: string; hash: string } {
    const token = newToken("mn_");
    return { token, hash: hashToken(token) };
  }
}
