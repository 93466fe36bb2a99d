/**
 * @module
 * What the ClaudeNest tests share: an in-process server with the demo user, SDK clients bound to it
 * (every response checked against the contract), and raw requests for what the SDK never sends.
 */
import type { ClaudeNest } from "@agentlane/sdk";
import type { User } from "@agentlane/sdk/claudenest/contract";
import { Clock, createServer, type LiteServer, type ServerOptions } from "../../../index.ts";
import { clientFor } from "./test-support.ts";

export const ORIGIN = "http://lite.test";
/** Where the harness's clock stands when the server starts; it moves only by `clock.advance()`. */
export const START = Date.parse("2026-02-02T12:00:00.000Z");

export interface RawRequest {
  token?: string;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface NestHarness {
  server: LiteServer;
  /** The platform's root as the clients call it, e.g. `http://lite.test/claudenest/api`. */
  baseUrl: string;
  /** The demo user's personal token. */
  token: string;
  /** The demo user's client. */
  nest: ClaudeNest;
  /** A client with this token (or none). */
  client(token?: string): ClaudeNest;
  /** A request below the platform's root, answered in-process. */
  request(method: string, path: string, init?: RawRequest): Promise<Response>;
  /** Registers a new user and gives their client. */
  signUp(email: string, name?: string): Promise<{ nest: ClaudeNest; token: string; user: User }>;
  close(): Promise<void>;
}

/** A seeded server on a clock frozen at `START`. */
export async function startNest(options: ServerOptions = {}): Promise<NestHarness> {
  const clock = new Clock();
  clock.freeze(START);
  const server = await createServer({ seed: true, clock, ...options });
  const baseUrl = ORIGIN + server.bases.claudenest;
  const token = server.seedInfo.claudenest!.token!;
  const client = (as?: string) => clientFor(server, as, { baseUrl });
  return {
    server,
    baseUrl,
    token,
    nest: client(token),
    client,
    request(method, path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.token !== undefined) headers.set("authorization", `Bearer ${init.token}`);
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
      }
      return server.fetch(new Request(baseUrl + path, { method, headers, body }));
    },
    async signUp(email, name = "Another User") {
      const session = await client().auth.register({
        name,
        email,
        password: "correct horse battery",
        password_confirmation: "correct horse battery",
      });
      return { nest: client(session.token), token: session.token, user: session.user };
    },
    close: () => server.close(),
  };
}
