/**
 * @module
 * Line 2: typed SDK calls per second in-process (the SDK's `fetch` option routed to `server.fetch`, no
 * socket) against raw `server.fetch(new Request(...))`, and the same SDK calls answered through msw by the
 * handlers of `@agentlane/server-lite/msw`.
 */
import { ClaudeNest } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";
import { toMswHandlers } from "@agentlane/server-lite/msw";
import { setupServer } from "msw/node";
import { rates } from "./lib/measure.ts";
import { atLeast, perSecond, type Row } from "./lib/table.ts";

const ORIGIN = "http://lite.test";

export async function inProcess(): Promise<Row[]> {
  const server = await createServer({ seed: true });
  try {
    const token = server.seedInfo.claudenest!.token!;
    const baseUrl = `${ORIGIN}/claudenest/api`;
    const direct = new ClaudeNest({
      baseUrl,
      token,
      fetch: (input, init) => server.fetch(new Request(input, init)),
    });
    const headers = { accept: "application/json", authorization: `Bearer ${token}` };
    const raw = async () => {
      const response = await server.fetch(new Request(`${baseUrl}/auth/me`, { headers }));
      const body = (await response.json()) as { data: unknown };
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return body.data;
    };
    const plan = { warmupMs: 1000, rounds: 20, roundMs: 100, concurrency: 1 };
    const measured = await rates({ sdk: () => direct.auth.me(), raw }, plan);

    // msw patches the global fetch, so it is on only for its own measurement.
    const mock = setupServer(...toMswHandlers(server, baseUrl, "claudenest"));
    mock.listen({ onUnhandledFrame: "error" });
    let viaMsw: number;
    try {
      const throughMsw = new ClaudeNest({ baseUrl, token });
      viaMsw = (await rates({ msw: () => throughMsw.auth.me() }, { ...plan, rounds: 5 })).msw!;
    } finally {
      mock.close();
    }

    return [
      {
        line: 2,
        measure: "auth.me() calls/s in-process (server.fetch)",
        subject: `SDK ${perSecond(measured.sdk!)}`,
        baseline: `raw server.fetch ${perSecond(measured.raw!)}`,
        ...atLeast(measured.sdk! / measured.raw!, 0.6),
      },
      {
        line: 2,
        measure: "auth.me() calls/s: in-process vs msw handlers",
        subject: `SDK in-process ${perSecond(measured.sdk!)}`,
        baseline: `SDK via msw ${perSecond(viaMsw)}`,
        ...atLeast(measured.sdk! / viaMsw, 5),
      },
    ];
  } finally {
    await server.close();
  }
}
