/**
 * @module
 * §5 Sessions over HTTP. Every session is scoped to its user, and a machine token sees only its own
 * machine's sessions; what a session does is in `runtime/session-runtime.ts`, shared with the realtime layer, whose
 * entry points are re-exported here.
 */

import type { SessionLog, SessionLogType } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import { SpawnRefused } from "../../../lib/spawn-guard.ts";
import { type NestCaller, userOf } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import {
  findSession,
  isActive,
  issueWebsocketToken,
  resizeSession,
  type SessionRow,
  sendInput,
  sessionLaunch,
  sessionView,
  startSession,
  terminateSession,
} from "../runtime/session-runtime.ts";
import type { NestServices } from "../services.ts";
import { announceInput } from "../state/broadcast.ts";
import { ownMachine } from "./machines.ts";

export {
  resizeSession,
  sendInput,
  sessionChannel,
  sessionOwner,
  terminateSession,
  verifyWebsocketToken,
} from "../runtime/session-runtime.ts";

const DEFAULT_PER_PAGE = 20;
const DEFAULT_LOG_LIMIT = 1000;
const DEFAULT_PTY_SIZE = { cols: 120, rows: 40 };

/** The caller's session `id`, or SES_001: another user's (or another machine's) session is as good as absent. */
export function ownSession(services: NestServices, caller: NestCaller, id: string): SessionRow {
  const row = services.db.get<SessionRow>("SELECT * FROM cn_sessions WHERE id = ? AND user_id = ?", id, userOf(caller));
  if (!row || (caller.kind === "machine" && caller.machineId !== row.machine_id)) throw new Failure("SES_001");
  return row;
}

interface LogRow {
  id: string;
  type: "input" | "output" | "error";
  data: string;
  metadata: string;
  created_at: number;
}

/** A session's latest `limit` log entries (of one type, if given), oldest first. */
function latestLogs(services: NestServices, sessionId: string, limit: number, type?: SessionLogType): SessionLog[] {
  const where = type ? "session_id = ? AND type = ?" : "session_id = ?";
  const args = type ? [sessionId, type] : [sessionId];
  const logs = services.db.all<LogRow>(
    `SELECT * FROM (SELECT seq, id, type, data, metadata, created_at FROM cn_session_logs WHERE ${where} ORDER BY seq DESC LIMIT ?)
     ORDER BY seq`,
    ...args,
    limit,
  );
  return logs.map((log) => ({
    id: log.id,
    type: log.type,
    data: log.data,
    metadata: JSON.parse(log.metadata) as Record<string, unknown>,
    created_at: services.clock.iso(log.created_at),
  }));
}

/** The entries `get` sends as `recent_logs`, as many as ClaudeNest's own server (`SessionResource`) sends. */
const RECENT_LOGS = 100;

export const sessions: NestHandlers<"sessions"> = {
  list({ caller, params, query }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    const { rows, ...page } = services.db.page<SessionRow>({
      columns: "*",
      from: "cn_sessions",
      where: query.status ? "machine_id = ? AND status = ?" : "machine_id = ?",
      args: query.status ? [machine.id, query.status] : [machine.id],
      orderBy: "created_at DESC, rowid DESC",
      page: query.page ?? 1,
      perPage: query.per_page ?? DEFAULT_PER_PAGE,
    });
    return { items: rows.map((row) => sessionView(services, row)), ...page };
  },

  create({ caller, params, body }, { services, fail }) {
    const machine = ownMachine(services, caller, params.machine);
    if (services.machineStatus(machine) !== "online") fail("MCH_002");
    const mode = body.mode ?? "interactive";
    if (mode === "oneshot" && body.initial_prompt === undefined) {
      fail("VAL_001", undefined, { initial_prompt: ["The initial_prompt field is required when mode is oneshot."] });
    }
    // The guard refuses before anything is stored or run (a one-shot shell session evaluates its prompt).
    try {
      // A machine with a connected agent runs the session itself: server-lite's own allow-list does not apply.
      if (!services.agents.connected(machine.id) && sessionLaunch(services, mode, body.initial_prompt ?? null))
        services.checkProcessCaps(userOf(caller));
    } catch (error) {
      if (error instanceof SpawnRefused) fail("FORBIDDEN", `${error.rule}: ${error.message}`);
      throw error;
    }
    const size = body.pty_size ?? DEFAULT_PTY_SIZE;
    const userId = userOf(caller);
    const id = uuid();
    const token = services.db.tx(() => {
      if (services.activeSessions(machine.id) >= machine.max_sessions) {
        const message = `The machine already runs its maximum of ${machine.max_sessions} sessions.`;
        fail("VAL_001", message, { machine: [message] });
      }
      const now = services.now();
      services.db.run(
        `INSERT INTO cn_sessions (id, user_id, machine_id, mode, project_path, initial_prompt, status, cols, rows, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'created', ?, ?, ?, ?)`,
        id,
        userId,
        machine.id,
        mode,
        body.project_path ?? null,
        body.initial_prompt ?? null,
        size.cols,
        size.rows,
        now,
        now,
      );
      return issueWebsocketToken(services, id, userId);
    });
    startSession(services, id);
    const session = sessionView(services, findSession(services, id));
    // The document's `{session, websocket_token}` and, beside them, the session's own keys: ClaudeNest's own
    // server answers the session flat and its web UI opens `data.id` (`resources/js/stores/sessions.ts`).
    return { ...session, session, websocket_token: token };
  },

  get({ caller, params }, { services }) {
    const row = ownSession(services, caller, params.id);
    return { ...sessionView(services, row), recent_logs: latestLogs(services, row.id, RECENT_LOGS) };
  },

  remove({ caller, params }, { services }) {
    const row = ownSession(services, caller, params.id);
    return terminateSession(services, row.id);
  },

  logs({ caller, params, query }, { services }) {
    const row = ownSession(services, caller, params.id);
    return latestLogs(services, row.id, query.limit ?? DEFAULT_LOG_LIMIT, query.type);
  },

  attachToken({ caller, params }, { services, fail }) {
    const row = ownSession(services, caller, params.id);
    if (!isActive(row.status)) fail("SES_002");
    const token = issueWebsocketToken(services, row.id, row.user_id);
    // ClaudeNest's own server names the token `ws_token` and adds `session_id`.
    return { websocket_token: token, ws_token: token, session_id: row.id, session: sessionView(services, row) };
  },

  input({ caller, params, body }, { services }) {
    const row = ownSession(services, caller, params.id);
    sendInput(services, row.id, body.data);
    // As ClaudeNest's own server does for input sent over HTTP (its web UI's fallback when the terminal socket
    // is closed); input from the terminal socket or a client event is not announced there either.
    announceInput(services, row.id, body.data);
    return null;
  },

  resize({ caller, params, body }, { services }) {
    const row = ownSession(services, caller, params.id);
    return resizeSession(services, row.id, body.cols, body.rows);
  },
};
