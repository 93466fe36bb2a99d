/**
 * @module
 * The VNC WebSocket, `/api/sessions/{session_id}/vnc?token=<access_token>`, as a realtime kind of the Actus
 * platform: the token and the session are checked before the upgrade (401 without a valid token, 404 for a
 * session the caller may not reach, as the REST routes answer), then the connection speaks RFB (`rfb.ts`) showing
 * the session's terminal (`vnc-screen.ts`), redrawn when its shell runs a command. noVNC's `binary` subprotocol
 * is accepted.
 */
import { type RealtimeKind, refuseUpgrade } from "../../../core/realtime.ts";
import { LazyWebSocketServer } from "../../../realtime/lazy-wss.ts";
import { callerOfToken } from "../caller.ts";
import type { ActusServices } from "../state/services.ts";
import { reachableSession, sessionChannel } from "../state/sessions.ts";
import { RfbConnection } from "./rfb.ts";
import { renderScreen, SCREEN_HEIGHT, SCREEN_WIDTH, terminalLines } from "./vnc-screen.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The VNC WebSocket of Actus sessions. */
export function vncRealtime(): RealtimeKind<ActusServices> {
  return {
    kind: "vnc",
    start(setup) {
      const services = setup.services;
      const pattern = new RegExp(`^${escapeRegExp(setup.base)}/sessions/([^/]+)/vnc$`);
      const wss = new LazyWebSocketServer({
        noServer: true,
        maxPayload: setup.maxPayload,
        handleProtocols: (protocols) => (protocols.has("binary") ? "binary" : false),
      });
      return {
        kind: "vnc",
        accepts: (path) => pattern.test(path),
        handleUpgrade(request, socket, head) {
          socket.on("error", () => socket.destroy());
          const url = new URL(request.url ?? "/", "http://localhost");
          const id = decodeURIComponent(pattern.exec(url.pathname)?.[1] ?? "");
          let caller: ReturnType<typeof callerOfToken>;
          try {
            caller = callerOfToken(services, url.searchParams.get("token") ?? undefined);
          } catch {
            refuseUpgrade(socket, 401);
            return;
          }
          try {
            reachableSession(services, caller, id);
          } catch {
            refuseUpgrade(socket, 404);
            return;
          }
          wss.server.handleUpgrade(request, socket, head, (ws) => {
            const rfb = new RfbConnection(ws, {
              width: SCREEN_WIDTH,
              height: SCREEN_HEIGHT,
              name: `Actus session ${id}`,
              render: () => renderScreen(terminalLines(services, id)),
            });
            const unsubscribe = services.events.subscribe(sessionChannel(id), (event) => {
              if (event === "tool") rfb.changed();
            });
            ws.on("close", unsubscribe);
          });
        },
        info: { path: `${setup.base}/sessions/{session_id}/vnc?token=<access_token>` },
        async close() {
          const made = wss.made;
          if (!made) return;
          for (const client of made.clients) client.terminate();
          await new Promise<void>((resolve) => made.close(() => resolve()));
        },
      };
    },
  };
}
