/**
 * @module
 * Test support: server-lite with ClaudeNest on loopback, a registered user with an online machine, and clients
 * of that user whose REST calls are answered in-process (no pooled sockets to confuse handle checks) while their
 * live connections use the socket. It lives in this private package because server-lite depends on the SDK:
 * from the SDK's own sources it could only be reached by a relative path into server-lite.
 */

import { ClaudeNest, type ClaudeNestOptions } from "@agentlane/sdk/claudenest";
import { contract } from "@agentlane/sdk/claudenest/contract";
import { createServer, type LiteServer, type ServerOptions } from "@agentlane/server-lite";

// Not part of server-lite's published exports: a private package may read its sources.
export { handlesBackTo, settledHandles } from "../../server-lite/src/realtime/pusher/test-support.ts";
export type { LiteServer };

export interface NestOnLoopback {
  server: LiteServer;
  /** `http://127.0.0.1:{port}` */
  url: string;
  /** The ClaudeNest API root on the socket, `http://127.0.0.1:{port}/claudenest/api`. */
  baseUrl: string;
  /** The user's personal token. */
  token: string;
  machine: { id: string; token: string };
  /** A client of the user (or of `token`): REST in-process, live connections on the socket. */
  client(options?: Partial<ClaudeNestOptions> & { token?: string }): ClaudeNest;
}

/** Starts server-lite on 127.0.0.1 (port 0 picks one) and registers a user with an online machine. */
export async function startNest(options: ServerOptions = {}, port = 0): Promise<NestOnLoopback> {
  const server = await createServer(options);
  const url = await server.listen(port);
  return withUser(server, url);
}

/** A user with an online machine on a listening server. */
export async function withUser(server: LiteServer, url: string, email = `user-${Date.now()}@example.test`) {
  const baseUrl = `${url}${server.bases.claudenest}`;
  const client = (extra: Partial<ClaudeNestOptions> & { token?: string } = {}) =>
    new ClaudeNest({
      baseUrl,
      fetch: (input, init) => server.fetch(new Request(input, init)),
      validate: { contract },
      retry: 0,
      realtime: { backoff: { minDelay: 20, maxDelay: 200 } },
      ...extra,
    });
  const session = await client().auth.register({
    name: "Alice",
    email,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
  const nest = client({ token: session.token });
  const { machine, token } = await nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  await client({ token }).machines.get({ id: machine.id });
  return {
    server,
    url,
    baseUrl,
    token: session.token,
    machine: { id: machine.id, token },
    client: (extra: Partial<ClaudeNestOptions> & { token?: string } = {}) => client({ token: session.token, ...extra }),
  } satisfies NestOnLoopback;
}
