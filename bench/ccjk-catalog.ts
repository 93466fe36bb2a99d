/**
 * @module
 * The CCJK catalog line: a page of the skill registry (`GET /api/v1/skills?limit=10&lang=zh-CN` with an API key:
 * auth, validation, filtering, sorting, localizing and the envelope) from server-lite (CCJK only, its own
 * process), against a bare `node:http` server answering the same bytes. How the load is made and what is
 * reported: `lib/server-compare.ts`.
 */
import { startChild } from "./lib/child.ts";
import { compareWithBareServer } from "./lib/server-compare.ts";
import type { Row } from "./lib/table.ts";

export async function ccjkCatalog(): Promise<Row[]> {
  const server = await startChild<{ url: string; apiKey: string }>(new URL("./ccjk-server.ts", import.meta.url));
  try {
    const load = {
      url: `${server.ready.url}/api/v1/skills?limit=10&lang=zh-CN`,
      method: "GET" as const,
      headers: { accept: "application/json", authorization: `Bearer ${server.ready.apiKey}` },
    };
    return await compareWithBareServer({ line: 15, label: "CCJK GET skills (10, zh-CN)", server, load, target: 0.6 });
  } finally {
    await server.stop();
  }
}
