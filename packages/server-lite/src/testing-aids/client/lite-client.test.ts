/**
 * The typed `/_lite/*` client, against a server on a socket (as in another process) and in-process: every call
 * reaches its route and answers typed; refusals are `LiteError`s with the server's message.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../server.ts";
import { LiteError, liteClient } from "./lite-client.ts";

let server: LiteServer;
afterEach(() => server?.close());

describe("liteClient", () => {
  it("drives faults, snapshots, reset, recording and the clock over HTTP", async () => {
    server = await createServer({ platform: "claudenest", lite: true, seed: true });
    const url = await server.listen(0);
    const lite = liteClient(`${url}/`);
    const token = (await lite.seed()).claudenest!.token!;
    const me = () => fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });

    const scenario = await lite.snapshot();
    expect(scenario.tables.claudenest!.cn_users).toHaveLength(1);
    await lite.reset();
    expect((await me()).status).toBe(401);
    expect(await lite.restore(scenario)).toEqual({ rows: expect.any(Number) });
    expect((await me()).status).toBe(200);
    await lite.reset({ keepSeed: true });
    expect((await me()).status).toBe(200);

    expect(await lite.chaos({ rate: 1, kinds: ["503"], seed: 4 })).toMatchObject({ rate: 1, seed: 4, delayMs: 1000 });
    expect((await me()).status).toBe(503);
    const faults = await lite.faults();
    expect(faults.counts["503"]).toBe(1);
    expect(faults.log[0]).toMatchObject({ kind: "503", path: "/api/auth/me" });
    await lite.chaos({ rate: 0 });

    const har = await lite.requests({ path: "/api/auth/me" });
    expect(har.log.entries.map((e) => [e.response.status, e._fault ?? null])).toEqual([
      [401, null],
      [200, null],
      [200, null],
      [503, "503"],
    ]);
    await lite.clearRequests();
    expect((await lite.requests()).log.entries).toEqual([]);

    const now = await lite.now();
    expect(Date.parse(await lite.advance(60_000)) - Date.parse(now)).toBeGreaterThanOrEqual(60_000);
  });

  it("works in-process, and throws the server's refusal as a LiteError", async () => {
    server = await createServer({ platform: "claudenest", lite: true });
    const lite = liteClient(server);
    const refused = await lite.chaos({ rate: 5 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LiteError);
    expect(refused).toMatchObject({ status: 422, message: expect.stringContaining("rate") });
    await server.close();

    server = await createServer({ platform: "claudenest" });
    const off = await liteClient(server)
      .snapshot()
      .catch((error: unknown) => error);
    expect(off).toMatchObject({ status: 404, message: expect.stringContaining("lite") });
  });
});
