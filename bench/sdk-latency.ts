/**
 * @module
 * Line 1: the median latency of a typed SDK call against a raw `fetch` of the same URL, both over loopback
 * to the same server-lite, one call at a time.
 */
import { ClaudeNest } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";
import { latencies } from "./lib/measure.ts";
import { atMost, ms, type Row } from "./lib/table.ts";

export async function sdkLatency(): Promise<Row[]> {
  const server = await createServer({ seed: true });
  try {
    const baseUrl = `${await server.listen(0)}/claudenest/api`;
    const token = server.seedInfo.claudenest!.token!;
    const nest = new ClaudeNest({ baseUrl, token });
    const headers = { accept: "application/json", authorization: `Bearer ${token}` };
    // The raw side does what a careful hand-written client must: check the status and unwrap the envelope.
    const raw = async (path: string) => {
      const response = await fetch(baseUrl + path, { headers });
      const body = (await response.json()) as { data: unknown };
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return body.data;
    };
    const plan = { warmup: 500, rounds: 300, perRound: 10 };
    const rows: Row[] = [];
    for (const [name, sdk, path] of [
      ["health.check()", () => nest.health.check(), "/health"],
      ["auth.me()", () => nest.auth.me(), "/auth/me"],
    ] as const) {
      const result = await latencies({ sdk, raw: () => raw(path) }, plan);
      rows.push({
        line: 1,
        measure: `${name} median latency, loopback`,
        subject: `SDK ${ms(result.sdk!)}`,
        baseline: `raw fetch ${ms(result.raw!)}`,
        ...atMost(result.sdk! / result.raw!, 1.1),
      });
    }
    return rows;
  } finally {
    await server.close();
  }
}
