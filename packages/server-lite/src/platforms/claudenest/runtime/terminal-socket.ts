/**
 * @module
 * `/ws/terminal?session={id}&token={token}`: the direct terminal WebSocket of ClaudeNest's own server
 * (`app/Console/Commands/AgentServe.php`, `handleTerminalUpgrade`), which its web UI opens on the page's origin
 * beside laravel-echo (`resources/js/services/websocket.ts`, `connectTerminalWs`). The document does not list it.
 *
 * - The upgrade needs both parameters and a personal token (or the session machine's token) of the session's owner:
 *   401 without them or with an unknown token, 403 for a session the token may not reach or that has ended.
 *   server-lite's active statuses (`created` too: a server without a command allow-list runs nothing) count as
 *   open.
 * - Out: `{type: "output", data, timestamp}` for each chunk the session writes (`timestamp` in milliseconds, as
 *   the real server sends it); when the session ends, `{type: "session:terminated", exitCode, timestamp}`, then
 *   close 1000 "Session ended".
 * - In: `{type: "input", data}` goes to the session as `POST /sessions/{id}/input` would. Input the session
 *   refuses is answered `{type: "error", code, message}`; frames that are not JSON objects with a `type` are
 *   ignored, as the real server ignores them.
 * - Revoking the token (or deleting the machine or the user) closes the socket with 4001.
 */
import { SessionInputBodySchema } from "@agentlane/sdk/claudenest/contract";
import type { WebSocket } from "ws";
import { Failure } from "../../../core/failure.ts";
import { type RealtimeKind, refuseUpgrade } from "../../../core/realtime.ts";
import { LazyWebSocketServer } from "../../../realtime/lazy-wss.ts";
import { authenticate, type NestCaller } from "../caller.ts";
import type { NestServices } from "../services.ts";
import { findSession, isActive, sendInput, sessionChannel } from "./session-runtime.ts";

/** The caller behind the token, if it may open this session's terminal; else the status that refuses it. */
function admit(services: NestServices, token: string, sessionId: string, address: string): NestCaller | 401 | 403 {
  let caller: NestCaller;
  try {
    caller = authenticate(services, "agent", token, address);
  } catch {
    return 401;
  }
  if (caller.kind !== "user" && caller.kind !== "machine") return 401;
  const session = services.db.get<{ user_id: string; machine_id: string; status: Parameters<typeof isActive>[0] }>(
    "SELECT user_id, machine_id, status FROM cn_sessions WHERE id = ?",
    sessionId,
  );
  if (!session || session.user_id !== caller.userId) return 403;
  if (caller.kind === "machine" && caller.machineId !== session.machine_id) return 403;
  return isActive(session.status) ? caller : 403;
}

/** The input a frame carries, or `undefined` for frames the real server ignores. */
function inputOf(raw: string): string | undefined {
  try {
    const message: unknown = JSON.parse(raw);
    if (typeof message !== "object" || message === null) return undefined;
    const { type, data } = message as { type?: unknown; data?: unknown };
    return type === "input" && typeof data === "string" ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The terminal WebSocket of ClaudeNest sessions, at `{prefix}/ws/terminal`. */
export function terminalSocket(): RealtimeKind<NestServices> {
  return {
    kind: "terminal",
    start(setup) {
      const services = setup.services;
      const path = `${setup.prefix}/ws/terminal`;
      const wss = new LazyWebSocketServer({ noServer: true, maxPayload: setup.maxPayload });
      const open = new Map<WebSocket, NestCaller>();
      const stopListening = setup.revocations.listen((revocation) => {
        if (revocation.platformId !== setup.platformId) return;
        for (const [ws, caller] of open) if (revocation.covers(caller)) ws.close(4001, revocation.reason);
      });
      return {
        kind: "terminal",
        accepts: (candidate) => candidate === path,
        handleUpgrade(request, socket, head) {
          socket.on("error", () => socket.destroy());
          const url = new URL(request.url ?? "/", "http://localhost");
          const token = url.searchParams.get("token") ?? "";
          const sessionId = url.searchParams.get("session") ?? "";
          if (!token || !sessionId) return refuseUpgrade(socket, 401);
          const caller = admit(services, token, sessionId, request.socket.remoteAddress ?? "unknown");
          if (typeof caller === "number") return refuseUpgrade(socket, caller);
          wss.server.handleUpgrade(request, socket, head, (ws) => {
            open.set(ws, caller);
            const unsubscribe = services.events.subscribe(sessionChannel(sessionId), (event, data) => {
              if (event === "session:output") {
                const chunk = (data as { data: string }).data;
                ws.send(JSON.stringify({ type: "output", data: chunk, timestamp: services.now() }));
              } else if (event === "session:terminated") {
                const exitCode = findSession(services, sessionId).exit_code;
                ws.send(JSON.stringify({ type: "session:terminated", exitCode, timestamp: services.now() }));
                ws.close(1000, "Session ended");
              }
            });
            ws.on("message", (raw) => {
              const input = inputOf(raw.toString());
              if (input === undefined) return;
              try {
                const parsed = SessionInputBodySchema.safeParse({ data: input });
                if (!parsed.success)
                  throw new Failure("VAL_001", "input takes data: a string of 1 to 65536 characters");
                sendInput(services, sessionId, parsed.data.data);
              } catch (error) {
                if (!(error instanceof Failure)) return setup.onError(error);
                const message = error.message === error.code ? setup.envelope.messageOf(error.code) : error.message;
                ws.send(JSON.stringify({ type: "error", code: error.code, message }));
              }
            });
            ws.on("close", () => {
              unsubscribe();
              open.delete(ws);
            });
          });
        },
        info: { path: `${path}?session={id}&token={token}` },
        async close() {
          stopListening();
          const made = wss.made;
          if (!made) return;
          for (const client of made.clients) client.terminate();
          await new Promise<void>((resolve) => made.close(() => resolve()));
        },
      };
    },
  };
}
