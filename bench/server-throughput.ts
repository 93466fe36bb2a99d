/**
 * @module
 * Line 3: requests per second server-lite answers for a list (`GET machines`) and a create
 * (`POST machines`), against a bare `node:http` server answering the same bytes. Each server runs in its
 * own process; the same keep-alive client loop (node:http, `CONCURRENCY` requests in flight) drives both.
 */
import { Agent, request } from "node:http";
import { startChild } from "./lib/child.ts";
import { rates } from "./lib/measure.ts";
import { atLeast, perSecond, type Row } from "./lib/table.ts";

const CONCURRENCY = 8;

interface Canned {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

async function sendFetch(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Canned> {
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return { status: response.status, headers: {}, body: text };
}
const viaFetch = process.env.BENCH_CLIENT === "fetch";

/** One request; resolves with the answer, rejecting any status but the expected one. */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Canned> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const answer = {
          status: res.statusCode ?? 0,
          headers: {
            "content-type": String(res.headers["content-type"]),
            "x-request-id": String(res.headers["x-request-id"]),
          },
          body: Buffer.concat(chunks).toString(),
        };
        if (answer.status >= 300) reject(new Error(`${method} ${url}: HTTP ${answer.status} ${answer.body}`));
        else resolve(answer);
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

export async function serverThroughput(): Promise<Row[]> {
  const lite = await startChild<{ url: string; token: string }>(new URL("./servers/lite.ts", import.meta.url));
  let raw: Awaited<ReturnType<typeof startChild<{ url: string }>>> | undefined;
  try {
    const base = `${lite.ready.url}/claudenest/api`;
    const headers = { accept: "application/json", authorization: `Bearer ${lite.ready.token}` };
    const postHeaders = { ...headers, "content-type": "application/json" };
    const machine = JSON.stringify({ name: "load", platform: "linux", hostname: "load.local", arch: "x64" });
    const list = await send(`${base}/machines`, "GET", headers);
    const create = await send(`${base}/machines`, "POST", postHeaders, machine);
    raw = await startChild<{ url: string }>(
      new URL("./servers/raw.ts", import.meta.url),
      JSON.stringify({ GET: list, POST: create }),
    );
    const rawUrl = `${raw.ready.url}/claudenest/api/machines`;
    const plan = { warmupMs: 1500, rounds: 3, roundMs: 1000, concurrency: CONCURRENCY };

    const listRates = await rates(
      {
        lite: () => (viaFetch ? sendFetch : send)(`${base}/machines`, "GET", headers),
        raw: () => (viaFetch ? sendFetch : send)(rawUrl, "GET", headers),
      },
      plan,
    );
    const createRates = await rates(
      {
        lite: () => (viaFetch ? sendFetch : send)(`${base}/machines`, "POST", postHeaders, machine),
        raw: () => (viaFetch ? sendFetch : send)(rawUrl, "POST", postHeaders, machine),
      },
      plan,
    );
    return [
      {
        line: 3,
        measure: `GET machines (15 items) req/s, ${CONCURRENCY} in flight`,
        subject: `server-lite ${perSecond(listRates.lite!)}`,
        baseline: `node:http ${perSecond(listRates.raw!)}`,
        ...atLeast(listRates.lite! / listRates.raw!, 0.6),
      },
      {
        line: 3,
        measure: `POST machines req/s, ${CONCURRENCY} in flight`,
        subject: `server-lite ${perSecond(createRates.lite!)}`,
        baseline: `node:http ${perSecond(createRates.raw!)}`,
        ...atLeast(createRates.lite! / createRates.raw!, 0.5),
      },
    ];
  } finally {
    agent.destroy();
    await raw?.stop();
    await lite.stop();
  }
}
