/**
 * @module
 * Test support: a server-lite instance with Pusher realtime on loopback, and its checks of the process's
 * active handles, for the SDK's transport tests. It lives in this private package because server-lite depends
 * on the SDK: from the SDK's own sources it could only be reached by a relative path into server-lite.
 */
import { createServer, type LiteServer, type RealtimeOptions } from "@agentlane/server-lite";
// Not part of server-lite's published exports: a private package may read its sources.
import {
  handlesBackTo,
  liveHandles,
  settledHandles,
  TOKENS,
  testAuthorizer,
} from "../../server-lite/src/realtime/pusher/test-support.ts";

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
