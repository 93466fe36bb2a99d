/**
 * @module
 * Test support: a server-lite instance with Pusher realtime on loopback (server-lite depends on this
 * package, so it is imported from its sources rather than as a dependency), and snapshots of the
 * process's active handles.
 */
import { createServer, type LiteServer, type RealtimeOptions } from "../../../server-lite/src/index.ts";
import { TOKENS, testAuthorizer } from "../../../server-lite/src/realtime/pusher/test-support.ts";

export type { LiteServer };
export { TOKENS };

export interface RealtimeServer {
  server: LiteServer;
  /** The HTTP base URL (`http://127.0.0.1:{port}`). */
  url: string;
  port: number;
  appKey: string;
  /** The absolute URL of the channel auth endpoint. */
  authEndpoint: string;
}

/** Starts server-lite (ClaudeNest at the root) with the test authorizer; port 0 picks a free port. */
export async function startRealtimeServer(port = 0, realtime: RealtimeOptions = {}): Promise<RealtimeServer> {
  const server = await createServer({
    platform: "claudenest",
    realtime: { appKey: "test-key", authorize: testAuthorizer, ...realtime },
  });
  const url = await server.listen(port);
  const info = server.realtime.claudenest!;
  return {
    server,
    url,
    port: Number(new URL(url).port),
    appKey: info.appKey,
    authEndpoint: new URL(info.authEndpoint, url).href,
  };
}

/** How many active sockets and timers the process holds (what a live connection would leave behind). */
export function liveHandles(): { sockets: number; timers: number } {
  const kinds = process.getActiveResourcesInfo();
  return {
    sockets: kinds.filter((kind) => kind === "TCPSocketWrap").length,
    timers: kinds.filter((kind) => kind === "Timeout").length,
  };
}

/** The handle counts once earlier tests' connections have wound down (stable over 100 ms, at most 2 s). */
export async function settledHandles(): Promise<{ sockets: number; timers: number }> {
  let last = "";
  let stable = 0;
  for (let attempt = 0; attempt < 100 && stable < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reading = JSON.stringify(liveHandles());
    stable = reading === last ? stable + 1 : 0;
    last = reading;
  }
  return liveHandles();
}

/**
 * Whether the process comes back to holding no more sockets or timers than at `before`, checked every
 * 20 ms for up to 2 s (closing handshakes take a few round trips). Checks run inside a fired timer's
 * callback, so the polling itself is never counted (`vi.waitFor` would be: its timers are live).
 */
export async function handlesBackTo(before: { sockets: number; timers: number }): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = liveHandles();
    if (now.sockets <= before.sockets && now.timers <= before.timers) return true;
  }
  return false;
}
