/**
 * @module
 * Test support for checking server-lite against what ClaudeNest's own web UI (QrCommunication/claudenest,
 * `packages/server/resources/js`) sends and reads: the server as `agentlane-server --platform claudenest` runs it
 * (the API at `/api` on the origin, as the UI's axios client calls it), a signed-up user with an online machine,
 * and the UI's own way of calling it (`services/api.ts`: a bearer token, `Accept: application/json`).
 */
import { ClaudeNest } from "@agentlane/sdk/claudenest";
import { contract } from "@agentlane/sdk/claudenest/contract";
import { createServer, type LiteServer, type ServerOptions } from "../../../server.ts";

export interface UiServer {
  server: LiteServer;
  /** The page's origin, `http://127.0.0.1:{port}`. */
  origin: string;
  /** The user's personal token, as the UI keeps it in `localStorage.auth_token`. */
  token: string;
  machineId: string;
  /** An SDK client of the user, for arranging state. */
  nest: ClaudeNest;
  /** Calls the API as the UI's axios client does; answers the status and the parsed body. */
  api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: UiBody }>;
}

/** What an answer's body holds, loosely typed: the tests read it the way the UI's JavaScript does. */
export type UiBody = any;

/** Starts server-lite with ClaudeNest at the root on loopback, with a user and an online machine. */
export async function startUiServer(options: ServerOptions = {}): Promise<UiServer> {
  const server = await createServer({ platform: "claudenest", ...options });
  const origin = await server.listen(0);
  const client = (token?: string) =>
    new ClaudeNest({
      baseUrl: `${origin}/api`,
      fetch: (input, init) => server.fetch(new Request(input, init)),
      validate: { contract },
      retry: 0,
      ...(token ? { token } : {}),
    });
  const account = await client().auth.register({
    name: "Alice",
    email: `alice-${Date.now()}-${Math.random()}@example.test`,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
  const nest = client(account.token);
  const { machine, token: machineToken } = await nest.machines.register({
    name: "box",
    platform: "linux",
    hostname: "box",
  });
  await client(machineToken).machines.get({ id: machine.id });
  const api: UiServer["api"] = async (method, path, body, token = account.token) => {
    const response = await server.fetch(
      new Request(`${origin}/api${path}`, {
        method,
        headers: {
          accept: "application/json",
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  return { server, origin, token: account.token, machineId: machine.id, nest, api };
}
