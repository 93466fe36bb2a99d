/**
 * @module
 * Test harness: one server-lite with every platform mounted and seeded, answered in-process or on loopback (for
 * the realtime handshakes, which need a socket), and each platform's check options built from the seed that
 * `GET /_lite/seed` answers (keyed by platform id).
 */
import { createServer, type LiteServer } from "@agentlane/testing/claudenest-in-process";
import { type CheckCredentials, type CheckOptions, type CheckReport, checkServer } from "../../src/check/index.ts";

/** A seeded server-lite and the seed it answered. */
export interface LiteWorld {
  server: LiteServer;
  seed: Record<string, Record<string, string>>;
  /** Answers a request (in-process, or over loopback): what a check's `fetch` goes to, directly or through a proxy. */
  fetch: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  /** The base URL of a platform, as a client takes it. */
  baseUrl(platform: string): string;
  /** The seeded credentials of a platform, as the check takes them. */
  credentials(platform: string): CheckCredentials;
  /** Checks a platform at its base URL with its seeded credentials; `options` override (a proxy's `fetch`, say). */
  check(platform: string, options?: Partial<CheckOptions>): Promise<CheckReport>;
}

/**
 * Starts the world, in-process unless `listen` (then on a free loopback port); `close()` the server after the
 * tests.
 */
export async function startLiteWorld(options: { listen?: boolean } = {}): Promise<LiteWorld> {
  const server = await createServer({ seed: true, lite: true });
  const origin = options.listen ? await server.listen(0, "127.0.0.1") : "http://lite.test";
  const fetch = options.listen
    ? (input: Request | URL | string, init?: RequestInit) => globalThis.fetch(input, init)
    : (input: Request | URL | string, init?: RequestInit) => server.fetch(new Request(input, init));
  const seed = (await (await fetch(`${origin}/_lite/seed`)).json()) as LiteWorld["seed"];
  const credentials = (platform: string): CheckCredentials => {
    const s = seed[platform] ?? {};
    if (platform === "caipe") return { token: s.adminToken };
    if (platform === "ccjk") return { apiKey: s.apiKey };
    if (s.token) return { token: s.token };
    return { login: s.username ?? s.email, password: s.password };
  };
  const baseUrl = (platform: string) => `${origin}${server.bases[platform]}`;
  const check = (platform: string, options: Partial<CheckOptions> = {}) =>
    checkServer({ platform, baseUrl: baseUrl(platform), credentials: credentials(platform), ...options });
  return { server, seed, fetch, baseUrl, credentials, check };
}
