/**
 * @module
 * Test support: server-lite on loopback with the ClaudeNest platform at its documented root, its seed user,
 * the extension's sample data, and the adapter under test. REST calls are answered in-process; live
 * connections use the socket.
 */
import { fileURLToPath } from "node:url";
import { ClaudeNest } from "@agentlane/sdk";
import { createServer, type LiteServer } from "@agentlane/server-lite";
import { claudeNestAdapter } from "../../src/backend/claudenest/index.ts";
import type { PlatformAdapter } from "../../src/backend/types.ts";
import { addSampleData, type SampleData } from "../../src/local-server/sample-data.ts";

export interface Lite {
  server: LiteServer;
  baseUrl: string;
  token: string;
  email: string;
  password: string;
  adapter: PlatformAdapter;
  /** A client of the seed user (a second instance, for changes made "elsewhere"). */
  client(token?: string): ClaudeNest;
  sample: SampleData;
  close(): Promise<void>;
}

/** `bash` without the machine's rc files, for sessions that must start at once. */
export const PLAIN_BASH = fileURLToPath(new URL("./plain-bash", import.meta.url));

export async function startLite(options: { exec?: string[] } = {}): Promise<Lite> {
  const server = await createServer({ seed: true, platform: "claudenest", exec: options.exec ?? [] });
  const url = await server.listen(0);
  const baseUrl = `${url}${server.bases.claudenest}`;
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init));
  const seed = server.seedInfo.claudenest!;
  const client = (token = seed.token!) =>
    new ClaudeNest({ baseUrl, token, fetch, retry: 0, realtime: { backoff: { minDelay: 20, maxDelay: 200 } } });
  const sample = await addSampleData(client(), client, { projectPath: "/tmp/sample-project" });
  return {
    server,
    baseUrl,
    token: seed.token!,
    email: seed.email!,
    password: seed.password!,
    adapter: claudeNestAdapter({ fetch }),
    client,
    sample,
    close: () => server.close(),
  };
}

/** Resolves once `check()` is true, polling; rejects after `timeoutMs` with `what`. */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
