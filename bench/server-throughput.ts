/**
 * @module
 * Line 3: server-lite (ClaudeNest, its own process) against a bare `node:http` server answering the same
 * bytes, for a list (`GET machines`, a full page of 15) and a create (`POST machines`). How the load is made
 * and what is reported: `lib/server-compare.ts`.
 */
import { startChild } from "./lib/child.ts";
import type { Load } from "./lib/load.ts";
import { compareWithBareServer } from "./lib/server-compare.ts";
import type { Row } from "./lib/table.ts";

export async function serverThroughput(): Promise<Row[]> {
  const server = await startChild<{ url: string; token: string }>(new URL("./servers/lite.ts", import.meta.url));
  try {
    const url = `${server.ready.url}/claudenest/api/machines`;
    const headers = { accept: "application/json", authorization: `Bearer ${server.ready.token}` };
    const get: Load = { url, method: "GET", headers };
    const post: Load = {
      url,
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "load", platform: "linux", hostname: "load.local", arch: "x64" }),
    };
    return [
      ...(await compareWithBareServer({ line: 3, label: "GET machines (15 items)", server, load: get, target: 0.6 })),
      ...(await compareWithBareServer({ line: 3, label: "POST machines", server, load: post, target: 0.5 })),
    ];
  } finally {
    await server.stop();
  }
}
