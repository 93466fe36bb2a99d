/**
 * @module
 * Session handlers: create, list, detail, stop, delete, clear-unread, the two SSE streams, and the sandbox's
 * files and shell output. The agent itself is `runtime/agent.ts`, the streams `runtime/streams.ts`.
 */

import { randomUUID } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ChatEvent, FileInfo, SessionsStreamEvent } from "@agentlane/sdk/actus/contract";
import { signedIn } from "../caller.ts";
import { resolveInSandbox, sandboxDir } from "../runtime/sandbox.ts";
import { sessionEvents, sessionLists } from "../runtime/streams.ts";
import { fileInfoOf, reachableFile, sessionFiles } from "../state/files.ts";
import type { ActusServices } from "../state/services.ts";
import { eventsAfter, listChanged, listSessions, ownSession, reachableSession, seqOfEvent } from "../state/sessions.ts";
import type { ActusHandlers } from "./types.ts";

/** The `seq` just before the latest turn's user message: a chat without message or `event_id` replays that turn. */
function latestTurnStart(services: ActusServices, sessionId: string): number {
  const seq = services.db.get<{ n: number | null }>(
    "SELECT max(seq) AS n FROM act_events WHERE session_id = ? AND event = 'message' AND json_extract(data, '$.role') = 'user'",
    sessionId,
  )!.n;
  return seq === null ? 0 : seq - 1;
}

/** Largest sandbox file `/file` reads, in bytes. */
const MAX_READ = 1024 * 1024;

export const sessions: ActusHandlers<"sessions"> = {
  create({ caller }, { services }) {
    const userId = signedIn(caller).userId;
    const id = randomUUID().replaceAll("-", "").slice(0, 16);
    services.db.run(
      "INSERT INTO act_sessions (id, user_id, title, status, latest_message, latest_message_at, unread, created_at, seq) VALUES (?, ?, '', 'pending', '', NULL, 0, ?, ?)",
      id,
      userId,
      services.iso(),
      services.nextSeq("act_sessions"),
    );
    listChanged(services, userId);
    return { session_id: id };
  },

  list: ({ caller }, { services }) => ({ sessions: listSessions(services, signedIn(caller).userId) }),

  stream: ({ caller }, { services, signal }) =>
    sessionLists(services, signedIn(caller).userId, signal) as AsyncIterable<SessionsStreamEvent>,

  get({ caller, params }, { services }) {
    const row = reachableSession(services, caller, params.session_id);
    return {
      session_id: row.id,
      title: row.title,
      status: row.status,
      events: eventsAfter(services, row.id, 0).map((e) => ({ event: e.event, data: e.data })),
    };
  },

  async chat({ caller, params, body }, { services, signal, fail }) {
    const me = signedIn(caller);
    const session = reachableSession(services, caller, params.session_id);
    let after = 0;
    if (body.event_id !== undefined && body.event_id !== "") {
      const seq = seqOfEvent(services, session.id, body.event_id);
      if (seq === undefined) return fail("NOT_FOUND", "事件不存在");
      after = seq;
    }
    const message = body.message?.trim() ? body.message : undefined;
    if (message === undefined && after === 0) after = latestTurnStart(services, session.id);
    if (message !== undefined) {
      if (services.agent.isRunning(session.id)) return fail("CONFLICT", "会话正在运行中");
      const attachments: FileInfo[] = [];
      for (const id of new Set(body.attachments ?? [])) {
        const file = reachableFile(services, me, id);
        attachments.push(fileInfoOf(file));
      }
      after = Math.max(
        after,
        services.db.get<{ n: number }>(
          "SELECT coalesce(max(seq), 0) AS n FROM act_events WHERE session_id = ?",
          session.id,
        )!.n,
      );
      services.agent.start(session, message, attachments);
    }
    return sessionEvents(services, session.id, after, signal) as AsyncIterable<ChatEvent>;
  },

  async stop({ caller, params }, { services }) {
    const session = reachableSession(services, caller, params.session_id);
    await services.agent.stop(session);
    return null;
  },

  clearUnread({ caller, params }, { services }) {
    const session = ownSession(services, caller, params.session_id);
    services.db.run("UPDATE act_sessions SET unread = 0 WHERE id = ?", session.id);
    listChanged(services, session.user_id);
    return null;
  },

  async remove({ caller, params }, { services }) {
    const session = ownSession(services, caller, params.session_id);
    await services.agent.cancel(session.id);
    services.db.tx(() => {
      // The session's own files (written by the agent) go with it; attached uploads stay the user's.
      services.db.run("DELETE FROM act_files WHERE session_id = ?", session.id);
      services.db.run("DELETE FROM act_sessions WHERE id = ?", session.id);
    });
    rmSync(join(services.sandboxRoot, session.id), { recursive: true, force: true });
    listChanged(services, session.user_id);
    return null;
  },

  files({ caller, params }, { services }) {
    const session = reachableSession(services, caller, params.session_id);
    return { files: sessionFiles(services, session.id) };
  },

  readFile({ caller, params, body }, { services, fail }) {
    const session = reachableSession(services, caller, params.session_id);
    const dir = sandboxDir(services.sandboxRoot, session.id);
    const real = resolveInSandbox(dir, body.filepath);
    if (!real) return fail("BAD_REQUEST", "路径不在沙箱内");
    let size: number;
    try {
      const stat = statSync(real);
      if (!stat.isFile()) return fail("NOT_FOUND", "文件不存在");
      size = stat.size;
    } catch {
      return fail("NOT_FOUND", "文件不存在");
    }
    if (size > MAX_READ) return fail("BAD_REQUEST", "文件过大");
    return { filepath: body.filepath, content: readFileSync(real, "utf8") };
  },

  shell({ caller, params, body }, { services, fail }) {
    const session = reachableSession(services, caller, params.id);
    const rows = services.db.all<{ command: string; output: string }>(
      "SELECT command, output FROM act_shell WHERE session_id = ? AND shell_id = ? ORDER BY seq",
      session.id,
      body.session_id,
    );
    if (rows.length === 0) return fail("NOT_FOUND", "Shell会话不存在");
    const ps1 = "ubuntu@sandbox:~ $";
    const console = rows.map((r) => ({ ps1, command: r.command, output: r.output }));
    return {
      session_id: body.session_id,
      output: console.map((c) => `${c.ps1} ${c.command}\n${c.output}`).join(""),
      console,
    };
  },
};
