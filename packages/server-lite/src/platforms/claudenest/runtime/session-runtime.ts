/**
 * @module
 * What happens to a session, whoever asks: the HTTP handlers (after checking the caller owns the session)
 * and the realtime layer (after checking the channel's WebSocket token) call the same functions, so input,
 * resizing and termination behave alike on both paths.
 *
 * With a command allow-list (`exec`), a session runs its first command in a pseudoterminal: output is stored
 * as `output` logs and published as `session:output` `{data, id}` (`id` is the log entry's) on
 * `private-session.{id}`; when the process ends the session becomes `terminated` with its exit code and
 * `session:terminated` is published. Without one, the session is recorded (status `created`), runs nothing,
 * and its input is only logged. A machine whose agent holds `/ws/agent` runs its sessions itself: creating,
 * input, resizing and terminating are sent to the agent, and its reports come back through `agent/session-reports.ts`
 * into the same logs and events.
 */

import { statSync } from "node:fs";
import { homedir } from "node:os";
import type { Session, SessionLogType, SessionMode, SessionStatus } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { hashToken, newToken, uuid } from "../../../core/ids.ts";
import type { ApprovedSpawn } from "../../../lib/spawn-guard.ts";
import { SENT_TO_AGENT_MESSAGE, sessionCreateMessage } from "../agent/session-messages.ts";
import { ACTIVE_STATUSES, ACTIVE_STATUSES_SQL, DAY_MS, type NestServices } from "../services.ts";
import { announceStatus, broadcast } from "../state/broadcast.ts";

/** How long a `ws_` token opens a session's channel. */
export const WEBSOCKET_TOKEN_TTL_MS = DAY_MS;
/** The log entries a session keeps (the oldest go first). */
export const KEPT_LOGS = 10_000;
/** How often (in log writes) old entries are pruned. */
const PRUNE_EVERY = 256;

export const NO_EXEC_MESSAGE =
  "This server runs no commands (start it with an exec allow-list, e.g. --exec bash): the session is recorded and its input logged, nothing runs.";

export interface SessionRow {
  id: string;
  user_id: string;
  machine_id: string;
  mode: SessionMode;
  project_path: string | null;
  initial_prompt: string | null;
  status: SessionStatus;
  status_message: string | null;
  pid: number | null;
  exit_code: number | null;
  cols: number;
  rows: number;
  total_tokens: number;
  total_cost: number;
  started_at: number | null;
  completed_at: number | null;
  created_at: number;
  updated_at: number;
}

/** The channel a session's live events are published on. */
export const sessionChannel = (sessionId: string): string => `private-session.${sessionId}`;

export const isActive = (status: SessionStatus): boolean => (ACTIVE_STATUSES as readonly string[]).includes(status);

/** A session by id, or SES_001. */
export function findSession(services: NestServices, sessionId: string): SessionRow {
  const row = services.db.get<SessionRow>("SELECT * FROM cn_sessions WHERE id = ?", sessionId);
  if (!row) throw new Failure("SES_001");
  return row;
}

function activeSession(services: NestServices, sessionId: string): SessionRow {
  const row = findSession(services, sessionId);
  if (!isActive(row.status)) throw new Failure("SES_002");
  return row;
}

/** `42s`, `5m 3s`, `1h 0m`: ClaudeNest's own wording. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}

export function sessionView(services: NestServices, row: SessionRow): Session {
  const duration =
    row.started_at === null
      ? null
      : Math.max(0, Math.floor(((row.completed_at ?? services.now()) - row.started_at) / 1000));
  return {
    id: row.id,
    machine_id: row.machine_id,
    mode: row.mode,
    project_path: row.project_path,
    initial_prompt: row.initial_prompt,
    status: row.status,
    is_running: row.status === "running" || row.status === "waiting_input",
    is_completed: !isActive(row.status),
    status_message: row.status_message,
    pid: row.pid,
    exit_code: row.exit_code,
    pty_size: { cols: row.cols, rows: row.rows },
    total_tokens: row.total_tokens,
    total_cost: row.total_cost,
    started_at: services.iso(row.started_at),
    completed_at: services.iso(row.completed_at),
    duration,
    formatted_duration: duration === null ? null : formatDuration(duration),
    created_at: services.clock.iso(row.created_at),
    updated_at: services.clock.iso(row.updated_at),
  };
}

/** Stores a log entry and answers its id; keeps the latest `KEPT_LOGS` of the session. */
export function appendLog(
  services: NestServices,
  sessionId: string,
  type: SessionLogType,
  data: string,
  metadata: Record<string, unknown> = {},
): string {
  const { db } = services;
  const id = uuid();
  db.run(
    "INSERT INTO cn_session_logs (id, session_id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    id,
    sessionId,
    type,
    data,
    JSON.stringify(metadata),
    services.now(),
  );
  const last = db.get<{ seq: number }>("SELECT last_insert_rowid() AS seq")!.seq;
  if (last % PRUNE_EVERY !== 0) return id;
  const cutoff = db.get<{ seq: number }>(
    "SELECT seq FROM cn_session_logs WHERE session_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?",
    sessionId,
    KEPT_LOGS,
  );
  if (cutoff) db.run("DELETE FROM cn_session_logs WHERE session_id = ? AND seq <= ?", sessionId, cutoff.seq);
  return id;
}

/** A new `ws_` token for a session's channel; only its hash is kept. */
export function issueWebsocketToken(services: NestServices, sessionId: string, userId: string): string {
  const now = services.now();
  services.db.run("DELETE FROM cn_ws_tokens WHERE expires_at <= ?", now);
  const token = newToken("ws_");
  services.db.run(
    "INSERT INTO cn_ws_tokens (token_hash, session_id, user_id, expires_at) VALUES (?, ?, ?, ?)",
    hashToken(token),
    sessionId,
    userId,
    now + WEBSOCKET_TOKEN_TTL_MS,
  );
  return token;
}

/** True when `token` is an unexpired WebSocket token issued for this very session. */
export function verifyWebsocketToken(services: NestServices, token: string, sessionId: string): boolean {
  if (!token.startsWith("ws_")) return false;
  const row = services.db.get<{ session_id: string; expires_at: number }>(
    "SELECT session_id, expires_at FROM cn_ws_tokens WHERE token_hash = ?",
    hashToken(token),
  );
  return row !== undefined && row.session_id === sessionId && row.expires_at > services.now();
}

/** The session an unexpired `ws_` token was issued for, or undefined. */
export function websocketTokenSession(services: NestServices, token: string): string | undefined {
  const row = services.db.get<{ session_id: string }>(
    "SELECT session_id FROM cn_ws_tokens WHERE token_hash = ? AND expires_at > ?",
    hashToken(token),
    services.now(),
  );
  return row?.session_id;
}

/** The id of the user a session belongs to, or undefined when there is no such session. */
export function sessionOwner(services: NestServices, sessionId: string): string | undefined {
  return services.db.get<{ user_id: string }>("SELECT user_id FROM cn_sessions WHERE id = ?", sessionId)?.user_id;
}

function existingDirectory(path: string | null): string | undefined {
  if (!path) return undefined;
  try {
    return statSync(path).isDirectory() ? path : undefined;
  } catch {
    return undefined;
  }
}

export function setStatus(services: NestServices, sessionId: string, fields: Partial<SessionRow>): void {
  const names = Object.keys(fields);
  services.db.run(
    `UPDATE cn_sessions SET ${names.map((n) => `${n} = ?`).join(", ")}, updated_at = ? WHERE id = ?`,
    ...Object.values(fields),
    services.now(),
    sessionId,
  );
  if (fields.status) announceStatus(services, sessionId, fields.status);
}

export function recordOutput(services: NestServices, sessionId: string, data: string): void {
  // The session may have been removed meanwhile (its machine deleted, the store reset): stop its process.
  if (!services.db.get("SELECT 1 FROM cn_sessions WHERE id = ?", sessionId)) {
    services.terminals.kill(sessionId);
    return;
  }
  const id = appendLog(services, sessionId, "output", data);
  // `id` (beyond §13.3's `{data}`) is the log entry's: clients join their log replay and the live stream by it.
  broadcast(services, sessionChannel(sessionId), "session:output", { data, id });
}

export function recordExit(services: NestServices, sessionId: string, exitCode: number, signal: number): void {
  const now = services.now();
  const { changes } = services.db.run(
    `UPDATE cn_sessions SET status = 'terminated', exit_code = ?, status_message = ?, completed_at = ?, updated_at = ?
     WHERE id = ? AND status IN ${ACTIVE_STATUSES_SQL}`,
    signal ? 128 + signal : exitCode,
    signal ? `The process was killed by signal ${signal}` : `The process exited with code ${exitCode}`,
    now,
    now,
    sessionId,
  );
  // A session terminated by request has already said so.
  if (changes > 0) {
    announceStatus(services, sessionId, "terminated");
    broadcast(services, sessionChannel(sessionId), "session:terminated", {});
  }
}

/**
 * What a session of this mode would run, approved by the spawn guard (which throws `SpawnRefused`), or undefined
 * when the server runs nothing. `oneshot` runs `initial_prompt` as `<command> -c <prompt>`, which the guard refuses
 * for shells unless the operator allows arguments.
 */
export function sessionLaunch(
  services: NestServices,
  mode: string,
  initialPrompt: string | null,
): ApprovedSpawn | undefined {
  const command = services.exec[0];
  if (command === undefined) return undefined;
  const args = mode === "oneshot" && initialPrompt !== null ? ["-c", initialPrompt] : [];
  return services.spawn.check(command, args);
}

/**
 * Runs a new session's process: the first command of the allow-list, in `project_path` when that directory
 * exists (else the home directory). `headless` gets `initial_prompt` as its first input line. Without an
 * allow-list nothing runs and the status says so.
 */
export function startSession(services: NestServices, sessionId: string): void {
  const row = findSession(services, sessionId);
  // A machine whose agent is connected runs its sessions itself.
  if (services.agents.send(row.machine_id, "session:create", sessionCreateMessage(row))) {
    setStatus(services, sessionId, { status_message: SENT_TO_AGENT_MESSAGE });
    return;
  }
  const command = services.exec[0];
  if (command === undefined) {
    setStatus(services, sessionId, { status_message: NO_EXEC_MESSAGE });
    return;
  }
  const cwd = existingDirectory(row.project_path) ?? homedir();
  let pid: number;
  try {
    const launch = sessionLaunch(services, row.mode, row.initial_prompt)!;
    pid = services.terminals.start(
      sessionId,
      { command: launch.executable, args: launch.args, cwd, cols: row.cols, rows: row.rows },
      {
        onData: (data) => recordOutput(services, sessionId, data),
        onExit: (exitCode, signal) => recordExit(services, sessionId, exitCode, signal),
      },
    );
  } catch (error) {
    const message = `Could not start ${command}: ${(error as Error).message}`;
    services.db.tx(() => {
      setStatus(services, sessionId, { status: "error", status_message: message, completed_at: services.now() });
      appendLog(services, sessionId, "error", message);
    });
    return;
  }
  const now = services.now();
  setStatus(services, sessionId, {
    status: "running",
    status_message: `Running ${command} in ${cwd}`,
    pid,
    started_at: now,
  });
  if (row.mode === "headless" && row.initial_prompt !== null) {
    const line = row.initial_prompt.endsWith("\n") ? row.initial_prompt : `${row.initial_prompt}\n`;
    services.terminals.write(sessionId, line);
    appendLog(services, sessionId, "input", line);
  }
}

/** Sends input to a session's terminal and logs it (only logs it when the session runs no process). */
export function sendInput(services: NestServices, sessionId: string, data: string): void {
  const row = activeSession(services, sessionId);
  const delivered =
    services.terminals.write(sessionId, data) ||
    services.agents.send(row.machine_id, "session:input", { sessionId, data });
  appendLog(services, sessionId, "input", data, delivered ? {} : { delivered: false });
}

/** Resizes a session's terminal; answers the session with its new size. */
export function resizeSession(services: NestServices, sessionId: string, cols: number, rows: number): Session {
  const row = activeSession(services, sessionId);
  services.terminals.resize(sessionId, cols, rows);
  services.agents.send(row.machine_id, "session:resize", { sessionId, cols, rows });
  setStatus(services, sessionId, { cols, rows });
  return sessionView(services, findSession(services, sessionId));
}

/** Ends a session: marks it terminated, publishes `session:terminated` and kills its process. SES_002 if over. */
export function terminateSession(services: NestServices, sessionId: string): Session {
  const row = activeSession(services, sessionId);
  setStatus(services, sessionId, {
    status: "terminated",
    status_message: "Terminated by request",
    completed_at: services.now(),
  });
  services.terminals.kill(sessionId);
  services.agents.send(row.machine_id, "session:terminate", { sessionId });
  broadcast(services, sessionChannel(sessionId), "session:terminated", {});
  return sessionView(services, findSession(services, sessionId));
}

/** Terminates every active session of a machine (before the machine is deleted). */
export function terminateMachineSessions(services: NestServices, machineId: string): void {
  const rows = services.db.all<{ id: string }>(
    `SELECT id FROM cn_sessions WHERE machine_id = ? AND status IN ${ACTIVE_STATUSES_SQL}`,
    machineId,
  );
  for (const { id } of rows) terminateSession(services, id);
}
