/**
 * @module
 * The CCJK test harness: an in-process server on a frozen clock, SDK clients (responses validated against the
 * contract, no retries) and accounts with API keys made as the CLI makes them.
 */
import { CCJKCloud, type CCJKCloudOptions } from "@agentlane/sdk/ccjk";
import { contract } from "@agentlane/sdk/ccjk/contract";
import { Clock } from "../../../core/clock.ts";
import { createServer, type LiteServer, type ServerOptions } from "../../../server.ts";
import type { CCJKServices } from "../services.ts";
import type { Plan } from "../state/accounts.ts";

/** The origin every in-process request goes to. */
export const ORIGIN = "http://lite.test";
/** The harness clock's start: 2026-01-21T10:00:00Z, the document's own examples' morning. */
export const START = Date.parse("2026-01-21T10:00:00Z");

/** An account with a key and a client acting as it. */
export interface TestAccount {
  accountId: string;
  key: string;
  ccjk: CCJKCloud;
}

/** A running harness. */
export interface CCJKHarness {
  server: LiteServer;
  services: CCJKServices;
  baseUrl: string;
  /** Errors the server did not expect (answered 500). */
  unexpected: unknown[];
  client(token?: string, options?: Partial<CCJKCloudOptions>): CCJKCloud;
  account(plan?: Plan, name?: string): TestAccount;
  /** A raw request below the platform's base. */
  request(
    method: string,
    path: string,
    init?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a server with CCJK mounted under `/ccjk` (or at its root with `platform: "ccjk"`). */
export async function startCCJK(options: ServerOptions = {}): Promise<CCJKHarness> {
  const clock = options.clock ?? new Clock();
  if (!options.clock) clock.freeze(START);
  const unexpected: unknown[] = [];
  const server = await createServer({ clock, onError: (error) => unexpected.push(error), ...options });
  const baseUrl = ORIGIN + server.bases.ccjk!;
  const services = server.services("ccjk") as CCJKServices;
  const client = (token?: string, extra: Partial<CCJKCloudOptions> = {}) =>
    new CCJKCloud({
      baseUrl,
      fetch: (input, init) => server.fetch(new Request(input, init)),
      validate: { contract },
      retry: 0,
      ...(token ? { token } : {}),
      ...extra,
    });
  return {
    server,
    services,
    baseUrl,
    unexpected,
    client,
    account(plan = "free", name = "tester") {
      const accountId = services.accounts.create(name, plan);
      const { key } = services.accounts.createKey(accountId, "test");
      return { accountId, key, ccjk: client(key) };
    },
    request(method, path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.token) headers.set("authorization", `Bearer ${init.token}`);
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
      }
      return server.fetch(new Request(baseUrl + path, { method, headers, body }));
    },
    close: () => server.close(),
  };
}
