/**
 * @module
 * The CCJK catalog line: requests per second server-lite answers for a page of the skill registry
 * (`GET /api/v1/skills?limit=10&lang=zh-CN` with an API key: auth, validation, filtering, sorting, localizing and
 * the envelope), against a bare `node:http` server answering the same bytes. Each server runs in its own process;
 * the same keep-alive `fetch` loop drives both.
 */
import { startChild } from "./lib/child.ts";
import { rates } from "./lib/measure.ts";
import { atLeast, perSecond, type Row } from "./lib/table.ts";

const CONCURRENCY = 8;

async function get(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status} ${body}`);
  return {
    status: response.status,
    headers: {
      "content-type": response.headers.get("content-type") ?? "application/json",
      "x-request-id": response.headers.get("x-request-id") ?? "",
    },
    body,
  };
}

export async function ccjkCatalog(): Promise<Row[]> {
  const lite = await startChild<{ url: string; apiKey: string }>(new URL("./ccjk-server.ts", import.meta.url));
  let raw: Awaited<ReturnType<typeof startChild<{ url: string }>>> | undefined;
  try {
    const path = "/api/v1/skills?limit=10&lang=zh-CN";
    const headers = { accept: "application/json", authorization: `Bearer ${lite.ready.apiKey}` };
    // The bare server replays server-lite's own answer, byte for byte.
    const answer = await get(lite.ready.url + path, headers);
    raw = await startChild<{ url: string }>(
      new URL("./servers/raw.ts", import.meta.url),
      JSON.stringify({ GET: answer }),
    );
    const measured = await rates(
      { lite: () => get(lite.ready.url + path, headers), raw: () => get(raw!.ready.url + path, headers) },
      { warmupMs: 1000, rounds: 6, roundMs: 500, concurrency: CONCURRENCY },
    );
    return [
      {
        line: 15,
        measure: `CCJK GET skills (10 of the registry, zh-CN) req/s, fetch ×${CONCURRENCY}`,
        subject: `server-lite ${perSecond(measured.lite!)}`,
        baseline: `node:http ${perSecond(measured.raw!)}`,
        ...atLeast(measured.lite! / measured.raw!, 0.6),
      },
    ];
  } finally {
    await raw?.stop();
    await lite.stop();
  }
}
