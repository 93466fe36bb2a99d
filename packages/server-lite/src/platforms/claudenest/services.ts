/**
 * @module
 * What ClaudeNest handlers share: the store, the clock, and the few operations several resources need.
 */
import type { Machine, User } from "@agentlane/sdk/claudenest/contract";
import type { Clock } from "../../core/clock.ts";
import type { EventBus } from "../../core/events.ts";
import { Failure } from "../../core/failure.ts";
import { hashToken, newToken, uuid } from "../../core/ids.ts";
import type { Environment } from "../../core/platform.ts";
import type { RevocationBus } from "../../core/realtime.ts";
import { PtyRegistry } from "../../lib/pty-runner.ts";
import type { SpawnGuard } from "../../lib/spawn-guard.ts";
import type { Database } from "../../store/database.ts";
import { AgentGateway } from "./agent/gateway.ts";
import { McpProcesses } from "./runtime/mcp-processes.ts";
import { type NestSettings, nestSettings } from "./settings.ts";
import { openContextIndex } from "./state/context-index.ts";
import { coveredBy, type NestRevoked } from "./state/revocation.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A machine whose agent was seen this recently is online (unless its agent uses `/ws/agent`: see `machineStatus`). */
export const ONLINE_WINDOW_MS = 5 * 60 * 1000;

/** Session statuses that are not final. */
export const ACTIVE_STATUSES = ["created", "starting", "running", "waiting_input"] as const;
export const ACTIVE_STATUSES_SQL = "('created', 'starting', 'running', 'waiting_input')";
/** Statuses in which a session has (or had) a process of its own. */
const PROCESS_STATUSES_SQL = "('starting', 'running', 'waiting_input')";

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
  /** Present when the row was read with `MACHINE_COLUMNS`. */
  active_sessions?: number;
}

/** What a machine's view is made from: `MACHINE_COLUMNS` reads only these. */
export type MachineViewRow = Pick<
  MachineRow,
  | "id"
  | "name"
  | "platform"
  | "hostname"
  | "arch"
  | "capabilities"
  | "max_sessions"
  | "last_seen_at"
  | "connected_at"
  | "woken_at"
  | "created_at"
  | "active_sessions"
>;

export class NestServices {
  /** ClaudeNest's own settings (`compat`, `browseRoot`). */
  readonly settings: NestSettings;
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly exec: readonly string[];
  /** The gate every process this platform starts goes through. */
  readonly spawn: SpawnGuard;
  readonly #revocations: RevocationBus;
  readonly #limits: Environment["limits"];
  /** The processes of this server's running sessions. */
  readonly terminals = new PtyRegistry();
  /** The MCP server processes this server runs. */
  readonly mcp = new McpProcesses();
  /** The machines whose agent holds a `/ws/agent` socket. */
  readonly agents: AgentGateway;

  constructor(env: Environment) {
    this.settings = nestSettings(env.options);
    this.db = env.db;
    this.clock = env.clock;
    this.agents = new AgentGateway(env.clock);
    this.events = env.events;
    this.exec = env.exec;
    this.spawn = env.spawn;
    this.#revocations = env.revocations;
    this.#limits = env.limits;
    // Before anything writes a chunk: the context index's triggers call functions of this connection.
    openContextIndex(this.db);
    // A stored database may hold sessions whose process belonged to an earlier server: it is gone.
    this.db.run(
      `UPDATE cn_sessions SET status = 'terminated', status_message = 'The server restarted', completed_at = ?, updated_at = ?
       WHERE status IN ${PROCESS_STATUSES_SQL}`,
      this.now(),
      this.now(),
    );
  }

  /**
   * Refuses a new process (a PTY session, an MCP server) past the server's caps, per user and in total, with
   * RTE_001 (429): one user must not be able to fill a developer's machine with processes.
   */
  checkProcessCaps(userId: string): void {
    const count = (where: string, ...args: unknown[]) =>
      this.db.get<{ n: number }>(
        `SELECT (SELECT count(*) FROM cn_sessions WHERE status IN ${PROCESS_STATUSES_SQL} ${where ? `AND ${where}` : ""})
              + (SELECT count(*) FROM cn_mcp_servers s WHERE s.status IN ('starting', 'running')
                 ${where ? `AND s.machine_id IN (SELECT id FROM cn_machines WHERE ${where})` : ""}) AS n`,
        ...args,
        ...args,
      )!.n;
    const { processesPerUser, processes } = this.#limits;
    if (count("user_id = ?", userId) >= processesPerUser)
      throw new Failure(
        "RTE_001",
        `A user may run at most ${processesPerUser} processes (sessions and MCP servers) at once.`,
      );
    if (count("") >= processes)
      throw new Failure("RTE_001", `This server runs at most ${processes} processes at once.`);
  }

  /**
   * Closes every live connection the credentials opened, before the request that revoked them answers: a revoked
   * token, a logout, a regenerated machine token, a deleted machine or session.
   */
  revoke(revoked: NestRevoked, reason: string): void {
    this.#revocations.revoke({ platformId: "claudenest", covers: (identity) => coveredBy(revoked, identity), reason });
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

  machineStatus(row: Pick<MachineRow, "last_seen_at" | "woken_at"> & { id?: string }): Machine["status"] {
    // A machine whose agent speaks `/ws/agent` is online exactly while that socket is open.
    if (row.id !== undefined && this.agents.judgedBySocket(row.id))
      return this.agents.connected(row.id) ? "online" : "offline";
    const now = this.now();
    if (row.last_seen_at !== null && now - row.last_seen_at < ONLINE_WINDOW_MS) return "online";
    if (row.woken_at !== null && now - row.woken_at < ONLINE_WINDOW_MS) return "connecting";
    return "offline";
  }

  /**
   * The columns a machine view needs, with its active session count computed in the same query (a list
   * page then costs one query, not one per machine). Read from `cn_machines m`.
   */
  static readonly MACHINE_COLUMNS = `m.id, m.name, m.platform, m.hostname, m.arch, m.capabilities,
    m.max_sessions, m.last_seen_at, m.connected_at, m.woken_at, m.created_at,
    (SELECT count(*) FROM cn_sessions s WHERE s.machine_id = m.id AND s.status IN ${ACTIVE_STATUSES_SQL}) AS active_sessions`;

  /** Sessions of a machine that are not over yet (they count towards its `max_sessions`). */
  activeSessions(machineId: string): number {
    return this.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM cn_sessions WHERE machine_id = ? AND status IN ${ACTIVE_STATUSES_SQL}`,
      machineId,
    )!.n;
  }

  machine(row: MachineViewRow): Machine {
    return {
      id: row.id,
      name: row.name,
      display_name: row.name,
      platform: row.platform,
      hostname: row.hostname,
      arch: row.arch,
      status: this.machineStatus(row),
      active_sessions_count: row.active_sessions ?? this.activeSessions(row.id),
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
