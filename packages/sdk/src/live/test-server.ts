/**
 * @module
 * Test support: a server-lite instance with Pusher realtime on loopback (server-lite depends on this
 * package, so it is imported from its sources rather than as a dependency), and its checks of the
 * process's active handles.
 */
import { createServer, type LiteServer, type RealtimeOptions } from "../../../server-lite/src/index.ts";
import {
  handlesBackTo,
  liveHandles,
  settledHandles,
  TOKENS,
  testAuthorizer,
} from "../../../server-lite/src/realtime/pusher/test-support.ts";

export type { LiteServer };
export { handlesBackTo, liveHandles, settledHandles, TOKENS };

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
