/**
 * @module
 * Line 3: requests per second server-lite answers for a list (`GET machines`) and a create
 * (`POST machines`), against a bare `node:http` server answering the same bytes. Each server runs in its
 * own process; the same keep-alive client loop (`fetch`, `CONCURRENCY` requests in flight) drives both.
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

type Send = (url: string, method: string, headers: Record<string, string>, body?: string) => Promise<Canned>;

/** The global `fetch` (undici, keep-alive by default). */
const sendFetch: Send = async (url, method, headers, body) => {
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return {
    status: response.status,
    headers: {
      "content-type": response.headers.get("content-type") ?? "application/json",
      "x-request-id": response.headers.get("x-request-id") ?? "",
    },
    body: text,
  };
};

/** `node:http` with a keep-alive agent: a lighter client, so the bare server is less bound by its client. */
const sendHttp: Send = (url, method, headers, body) =>
  new Promise((resolve, reject) => {
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

/** `BENCH_CLIENT=http` drives both servers with node:http instead of fetch. */
const client = process.env.BENCH_CLIENT === "http" ? "node:http" : "fetch";
const send = client === "fetch" ? sendFetch : sendHttp;

export async function serverThroughput(): Promise<Row[]> {
  const lite = await startChild<{ url: string; token: string }>(new URL("./servers/lite.ts", import.meta.url));
  let raw: Awaited<ReturnType<typeof startChild<{ url: string }>>> | undefined;
  try {
    const base = `${lite.ready.url}/claudenest/api`;
    const headers = { accept: "application/json", authorization: `Bearer ${lite.ready.token}` };
    const postHeaders = { ...headers, "content-type": "application/json" };
    const machine = JSON.stringify({ name: "load", platform: "linux", hostname: "load.local", arch: "x64" });
    // The bare server replays server-lite's own answers, byte for byte.
    const list = await sendHttp(`${base}/machines`, "GET", headers);
    const create = await sendHttp(`${base}/machines`, "POST", postHeaders, machine);
    raw = await startChild<{ url: string }>(
      new URL("./servers/raw.ts", import.meta.url),
      JSON.stringify({ GET: list, POST: create }),
    );
    const rawUrl = `${raw.ready.url}/claudenest/api/machines`;
    const plan = { warmupMs: 1000, rounds: 6, roundMs: 500, concurrency: CONCURRENCY };

    const listRates = await rates(
      {
        lite: () => send(`${base}/machines`, "GET", headers),
        raw: () => send(rawUrl, "GET", headers),
      },
      plan,
    );
    const createRates = await rates(
      {
        lite: () => send(`${base}/machines`, "POST", postHeaders, machine),
        raw: () => send(rawUrl, "POST", postHeaders, machine),
      },
      plan,
    );
    return [
      {
        line: 3,
        measure: `GET machines (15 items) req/s, ${client} ×${CONCURRENCY}`,
        subject: `server-lite ${perSecond(listRates.lite!)}`,
        baseline: `node:http ${perSecond(listRates.raw!)}`,
        ...atLeast(listRates.lite! / listRates.raw!, 0.6),
      },
      {
        line: 3,
        measure: `POST machines req/s, ${client} ×${CONCURRENCY}`,
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
