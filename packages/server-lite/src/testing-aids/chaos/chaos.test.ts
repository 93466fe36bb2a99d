/**
 * Faults on HTTP requests: every kind answers as the issue describes it, in the platform's own envelope, decided
 * by a seeded generator, logged with kind and request id, and never changing state except `"lost"`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { newUser } from "../../platforms/claudenest/testing/test-support.ts";
import { createServer, type LiteServer } from "../../server.ts";
import type { FaultKind } from "./options.ts";

let server: LiteServer;
afterEach(() => server?.close());

const API = "http://lite.test/claudenest/api";
const machine = { name: "box", platform: "linux", hostname: "box.local" };

async function start(): Promise<{ token: string }> {
  server = await createServer({ lite: true });
  const { token } = await newUser(server);
  return { token };
}

function post(token: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return server.fetch(
    new Request(`${API}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const machineCount = () => server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_machines")!.n;

describe("faults", () => {
  it.each(["429", "500", "502", "503"] as const)(
    '"%s" answers in the platform\'s envelope and changes nothing',
    async (kind) => {
      const { token } = await start();
      server.chaos.configure({ rate: 1, kinds: [kind], retryAfter: 2 });
      const response = await post(token, "/machines", machine, { "x-request-id": `req-${kind}` });
      expect(response.status).toBe(Number(kind));
      expect(response.headers.get("x-request-id")).toBe(`req-${kind}`);
      const body = await response.json();
      expect(body).toMatchObject({
        success: false,
        error: { code: expect.any(String) },
        meta: { request_id: `req-${kind}` },
      });
      if (kind === "429" || kind === "503") expect(response.headers.get("retry-after")).toBe("2");
      if (kind === "429") expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(machineCount()).toBe(0);
      expect(server.chaos.state().log).toEqual([
        expect.objectContaining({ kind, requestId: `req-${kind}`, method: "POST", path: "/claudenest/api/machines" }),
      ]);
    },
  );

  it('"drop" rejects like a network failure before anything runs', async () => {
    const { token } = await start();
    server.chaos.configure({ rate: 1, kinds: ["drop"] });
    await expect(post(token, "/machines", machine)).rejects.toThrow(TypeError);
    expect(machineCount()).toBe(0);
  });

  it('"lost" lets the write happen, then loses the answer; the key replays it', async () => {
    const { token } = await start();
    server.chaos.configure({ rate: 1, kinds: ["lost"] });
    await expect(post(token, "/machines", machine, { "idempotency-key": "k1" })).rejects.toThrow(TypeError);
    expect(machineCount()).toBe(1);
    server.chaos.configure({ rate: 0 });
    const replay = await post(token, "/machines", machine, { "idempotency-key": "k1" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(machineCount()).toBe(1);
  });

  it('"delay" holds the answer back until its time is up or the client leaves', async () => {
    const { token } = await start();
    server.chaos.configure({ rate: 1, kinds: ["delay"], delayMs: 600_000 });
    const leave = new AbortController();
    let settled = false;
    const answer = server
      .fetch(
        new Request(`${API}/machines`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(machine),
          signal: leave.signal,
        }),
      )
      .finally(() => (settled = true));
    // The write is done and the fault logged, but the answer is still held.
    await expect.poll(() => machineCount()).toBe(1);
    expect(server.chaos.state().counts.delay).toBe(1);
    expect(settled).toBe(false);
    leave.abort();
    expect((await answer).status).toBe(201);
  });

  it("is the same sequence for the same seed, another for another seed", async () => {
    const { token } = await start();
    const run = async (seed: number) => {
      server.chaos.configure({ rate: 0.5, seed, kinds: ["500", "503"] });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await post(token, "/machines/x/wake", {})).status);
      return statuses;
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(5);
  });

  it("touches only the routes and methods named, and stops at rate 0", async () => {
    const { token } = await start();
    server.chaos.configure({ rate: 1, kinds: ["503"], routes: ["GET /claudenest/api/machines"] });
    expect((await post(token, "/machines", machine)).status).toBe(201);
    const get = () => server.fetch(new Request(`${API}/machines`, { headers: { authorization: `Bearer ${token}` } }));
    expect((await get()).status).toBe(503);
    server.chaos.configure({ rate: 0 });
    expect((await get()).status).toBe(200);
    // Turning faults off keeps what was injected, to be read afterwards; a new run starts afresh.
    expect(server.chaos.state().counts["503"]).toBe(1);
    server.chaos.configure({ rate: 1, kinds: ["503"] });
    expect(server.chaos.state().log).toEqual([]);
  });

  it("is configured over /_lite/chaos, which refuses what does not fit", async () => {
    const { token } = await start();
    const lite = (method: string, body?: unknown) =>
      server.fetch(
        new Request("http://lite.test/_lite/chaos", {
          method,
          ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
        }),
      );
    expect((await lite("POST", "{")).status).toBe(400);
    expect((await lite("POST", { rate: 2 })).status).toBe(422);
    expect((await lite("POST", { rate: 0.5, kinds: ["teapot"] })).status).toBe(422);
    const set = await lite("POST", { rate: 1, seed: 3, kinds: ["502"] as FaultKind[] });
    expect(await set.json()).toMatchObject({ config: { rate: 1, seed: 3, kinds: ["502"], delayMs: 1000 } });
    expect((await post(token, "/machines", machine)).status).toBe(502);
    expect((await post(token, "/machines", machine)).status).toBe(502);
    const state = await (await lite("GET")).json();
    expect(state.counts).toMatchObject({ "502": 2, drop: 0 });
    expect(state.log).toHaveLength(2);
    // The control routes themselves never fail.
    expect((await server.fetch(new Request("http://lite.test/_lite/clock"))).status).toBe(200);
  });

  it("refuses options that do not fit when the server is made", async () => {
    await expect(createServer({ platform: "claudenest", chaos: { rate: -1 } })).rejects.toThrow(/rate/);
  });
});
