/**
 * Snapshots of the whole state: taken from every platform, restored whole or not at all, a reset that keeps the
 * seed, and a server started from a snapshot file.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { platformIds } from "../../platforms/index.ts";
import { createServer, type LiteServer } from "../../server.ts";
import type { LiteSnapshot } from "./format.ts";

let server: LiteServer;
afterEach(() => server?.close());

const API = "http://lite.test/claudenest/api";

function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return server.fetch(
    new Request(path.startsWith("/_lite") ? `http://lite.test${path}` : `${API}${path}`, {
      ...init,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    }),
  );
}

const count = (table: string) => server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
const token = () => server.seedInfo.claudenest!.token!;
const machine = { name: "extra", platform: "linux", hostname: "extra.local" };

// Every platform seeded in one server: on a busy machine that alone can take a while, so the cases get a wider
// bound. They wait on nothing but their own calls.
describe("snapshots", { timeout: 60_000 }, () => {
  it("hold every platform's tables and put them back exactly, ids and all", async () => {
    server = await createServer({ seed: true, lite: true });
    const before = server.snapshot();
    expect(Object.keys(before.tables).sort()).toEqual(["core", ...platformIds].sort());
    expect(before.tables.claudenest!.cn_users).toHaveLength(1);
    // A BLOB (Coordinaitor's avatar column is one) round-trips as base64.
    server.db.run("UPDATE co_users SET avatar = ?", new Uint8Array([0, 1, 254, 255]));
    const scenario = server.snapshot();
    expect(JSON.stringify(scenario.tables.coordinaitor)).toContain('{"$blob":"AAH+/w=="}');

    const created = await call("/machines", { method: "POST", token: token(), json: machine });
    expect(created.status).toBe(201);
    expect(count("cn_machines")).toBe(2);

    const restored = await call("/_lite/snapshot", { method: "PUT", json: scenario });
    expect(await restored.json()).toMatchObject({ restored: true, rows: expect.any(Number) });
    expect(count("cn_machines")).toBe(1);
    // Compared where nothing runs in the background: the tables this test wrote, and their id counters.
    const after = server.snapshot();
    expect(after.tables.claudenest).toEqual(scenario.tables.claudenest);
    expect(after.tables.coordinaitor!.co_users).toEqual(scenario.tables.coordinaitor!.co_users);
    const ownCounters = (snapshot: LiteSnapshot) =>
      Object.entries(snapshot.sequences).filter(([table]) => table.startsWith("cn_"));
    expect(ownCounters(after)).toEqual(ownCounters(scenario));

    // An id counter travels with the snapshot: the next row takes the id after the snapshot's.
    const counted = { ...scenario, sequences: { ...scenario.sequences, cn_outbox: 41 } };
    await server.restore(counted);
    server.db.run("INSERT INTO cn_outbox (to_email, subject, body, created_at) VALUES ('a@b.test', 's', 'b', 0)");
    expect(server.db.get<{ id: number }>("SELECT max(id) AS id FROM cn_outbox")!.id).toBe(42);
    expect((await call("/auth/me", { token: token() })).status).toBe(200);
  });

  it("refuse a snapshot this server cannot hold, changing nothing", async () => {
    server = await createServer({ seed: true, lite: true });
    const good = server.snapshot();
    const put = (body: unknown) => call("/_lite/snapshot", { method: "PUT", json: body });
    const withRows = (rows: Record<string, unknown>[]): LiteSnapshot =>
      ({ ...good, tables: { ...good.tables, claudenest: { ...good.tables.claudenest, cn_machines: rows } } }) as never;

    expect((await call("/_lite/snapshot", { method: "PUT", body: "{" })).status).toBe(400);
    expect((await put({ tables: {} })).status).toBe(422);
    const unknownTable = await put({ ...good, tables: { claudenest: { sqlite_master: [] } } });
    expect(unknownTable.status).toBe(422);
    expect(await unknownTable.json()).toEqual({ error: '"claudenest" has no table "sqlite_master".' });
    expect((await put({ ...good, tables: { elsewhere: {} } })).status).toBe(422);
    const badColumn = await put(withRows([{ "id; DROP TABLE cn_users": 1 }]));
    expect(badColumn.status).toBe(422);
    // A machine without its owner: refused by the store's constraints when the transaction ends.
    const orphan = { ...good.tables.claudenest!.cn_machines![0]!, id: "m-orphan", user_id: "nobody" };
    const refused = await put(withRows([...good.tables.claudenest!.cn_machines!, orphan]));
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/refused/) });
    expect(server.snapshot().tables.claudenest).toEqual(good.tables.claudenest);
  });

  it("a reset empties everything, or keeps what seeding made when asked", async () => {
    server = await createServer({ seed: true, lite: true });
    await call("/machines", { method: "POST", token: token(), json: machine });
    expect(count("cn_machines")).toBe(2);
    const kept = await call("/_lite/reset", { method: "POST", json: { keepSeed: true } });
    expect(await kept.json()).toEqual({ reset: true });
    expect(count("cn_machines")).toBe(1);
    expect((await call("/auth/me", { token: token() })).status).toBe(200);

    expect((await call("/_lite/reset", { method: "POST", json: { keepSeed: "yes" } })).status).toBe(422);
    await call("/_lite/reset", { method: "POST" });
    expect(count("cn_users")).toBe(0);
    expect((await call("/auth/me", { token: token() })).status).toBe(401);
  });

  it("start a server from a snapshot file, and refuse a file that is not one", async () => {
    server = await createServer({ seed: true });
    await call("/machines", { method: "POST", token: token(), json: machine });
    const dir = await mkdtemp(join(tmpdir(), "lite-snapshot-"));
    const file = join(dir, "scenario.json");
    await writeFile(file, JSON.stringify(server.snapshot()));
    const seedToken = token();
    await server.close();

    server = await createServer({ load: file });
    expect(count("cn_machines")).toBe(2);
    expect(server.seedInfo.claudenest!.token).toBe(seedToken);
    expect((await call("/auth/me", { token: seedToken })).status).toBe(200);

    await writeFile(file, '{"format": "something else"}');
    await expect(createServer({ load: file })).rejects.toThrow(/scenario\.json is not a server-lite snapshot/);
    await expect(createServer({ load: join(dir, "missing.json") })).rejects.toThrow(/Cannot read the snapshot/);
  });
});
