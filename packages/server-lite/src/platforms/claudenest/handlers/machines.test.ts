import type { ClaudeNest } from "@agentlane/sdk";
import type { RegisterMachineBody } from "@agentlane/sdk/claudenest/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { macbook } from "../testing/test-doc-requests.ts";
import { type NestHarness, startNest } from "../testing/test-nest.ts";

const MINUTE = 60_000;
const notFound = { status: 404, code: "MCH_001", message: "404 MCH_001: Machine not found" };
const forbidden = { status: 403, code: "FORBIDDEN" };

let h: NestHarness;
beforeEach(async () => {
  h = await startNest();
});
afterEach(() => h.close());

async function register(nest: ClaudeNest, overrides: Partial<RegisterMachineBody> = {}) {
  return nest.machines.register({ ...macbook, ...overrides });
}

describe("machines.register (§4.2)", () => {
  it("answers 201 with the machine, offline until its agent calls, and a machine token", async () => {
    const { data, status } = await h.nest.machines.register(macbook).withResponse();
    expect(status).toBe(201);
    expect(data.token).toMatch(/^mn_/);
    expect(data.machine).toEqual({
      id: expect.any(String),
      name: "MacBook Pro",
      display_name: "MacBook Pro",
      platform: "darwin",
      hostname: "macbook.local",
      arch: "arm64",
      status: "offline",
      active_sessions_count: 0,
      max_sessions: 10,
      capabilities: ["wake_on_lan", "gpu"],
      last_seen_at: null,
      connected_at: null,
      created_at: "2026-02-02T12:00:00.000Z",
    });
  });

  it("fills the documented defaults", async () => {
    const { machine } = await h.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
    expect(machine).toMatchObject({ arch: null, capabilities: [], max_sessions: 10 });
    await expect(h.nest.machines.environment({ id: machine.id })).resolves.toEqual({
      platform: "linux",
      hostname: "box",
      arch: null,
      node_version: null,
      agent_version: null,
      claude_version: null,
      claude_path: null,
      capabilities: [],
      max_sessions: 10,
    });
  });

  it("answers VAL_001 field by field, creating nothing", async () => {
    const response = await h.request("POST", "/machines", {
      token: h.token,
      body: { name: "", hostname: 12, capabilities: "gpu", max_sessions: 0 },
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("VAL_001");
    expect(Object.keys(error.errors).sort()).toEqual(["capabilities", "hostname", "max_sessions", "name", "platform"]);
    expect(error.errors.platform).toEqual(["The platform field is required."]);
    expect(error.errors.hostname[0]).not.toMatch(/required/);
    expect(h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_machines")!.n).toBe(1);
  });
});

describe("machines.get, update, remove, environment (§4.3–4.5, 4.7)", () => {
  it("get answers the machine as the list shows it", async () => {
    const { machine } = await register(h.nest);
    await expect(h.nest.machines.get({ id: machine.id })).resolves.toEqual(machine);
    const listed = await h.nest.machines.list({ search: "MacBook" });
    expect(listed).toEqual([machine]);
  });

  it("update changes only the fields it is given", async () => {
    const { machine } = await register(h.nest);
    const renamed = await h.nest.machines.update({ id: machine.id, name: "MacBook Pro Work" });
    expect(renamed).toEqual({ ...machine, name: "MacBook Pro Work", display_name: "MacBook Pro Work" });
    const updated = await h.nest.machines.update({
      id: machine.id,
      max_sessions: 15,
      capabilities: ["wake_on_lan", "gpu", "mcp"],
    });
    expect(updated).toEqual({
      ...machine,
      name: "MacBook Pro Work",
      display_name: "MacBook Pro Work",
      max_sessions: 15,
      capabilities: ["wake_on_lan", "gpu", "mcp"],
    });
    await expect(h.nest.machines.environment({ id: machine.id })).resolves.toMatchObject({
      max_sessions: 15,
      capabilities: ["wake_on_lan", "gpu", "mcp"],
    });
    await expect(h.nest.machines.update({ id: machine.id, max_sessions: 0 })).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      fieldErrors: { max_sessions: [expect.any(String)] },
    });
  });

  it("remove answers data: null; the machine and its token are gone", async () => {
    const { machine, token } = await register(h.nest);
    const { data, status } = await h.nest.machines.remove({ id: machine.id }).withResponse();
    expect([status, data]).toEqual([200, null]);
    await expect(h.nest.machines.get({ id: machine.id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.remove({ id: machine.id })).rejects.toMatchObject(notFound);
    await expect(h.client(token).machines.get({ id: machine.id })).rejects.toMatchObject({
      status: 401,
      code: "AUTH_002",
    });
  });

  it("environment answers what the agent registered", async () => {
    const { machine } = await register(h.nest);
    // Everything §4.2 registered but the display name.
    const { name: _, ...environment } = macbook;
    await expect(h.nest.machines.environment({ id: machine.id })).resolves.toEqual(environment);
  });

  it("every endpoint answers 404 MCH_001 for an unknown id", async () => {
    const id = "00000000-0000-0000-0000-000000000000";
    await expect(h.nest.machines.get({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.update({ id, name: "x" })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.remove({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.regenerateToken({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.environment({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.wake({ id })).rejects.toMatchObject(notFound);
  });
});

describe("users never see each other's machines", () => {
  it("another user's machine is MCH_001 everywhere and absent from their list", async () => {
    const other = await h.signUp("other@example.com");
    const { machine, token } = await register(other.nest, { name: "Theirs" });
    const mine = await h.nest.machines.list();
    expect(mine.map((m) => m.name)).toEqual(["Demo Workstation"]);
    expect((await other.nest.machines.list()).map((m) => m.name)).toEqual(["Theirs"]);
    expect(await h.nest.machines.list({ search: "Theirs" })).toEqual([]);

    const id = machine.id;
    await expect(h.nest.machines.get({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.update({ id, name: "Mine now" })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.remove({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.regenerateToken({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.environment({ id })).rejects.toMatchObject(notFound);
    await expect(h.nest.machines.wake({ id })).rejects.toMatchObject(notFound);

    // Nothing changed for the owner, and the owner's machine token still works.
    await expect(other.nest.machines.get({ id })).resolves.toMatchObject({ name: "Theirs" });
    await expect(h.client(token).machines.get({ id })).resolves.toMatchObject({ name: "Theirs" });
    // The machine token of one user's machine does not reach the other user's machines.
    await expect(h.client(token).machines.get({ id: mine[0]!.id })).rejects.toMatchObject(notFound);
  });
});

describe("machine tokens (mn_)", () => {
  it("work on get and environment for their own machine, and mark it online", async () => {
    const { machine, token } = await register(h.nest);
    const agent = h.client(token);
    h.server.clock.advance(MINUTE);
    const seen = await agent.machines.get({ id: machine.id });
    expect(seen).toMatchObject({
      status: "online",
      last_seen_at: "2026-02-02T12:01:00.000Z",
      connected_at: "2026-02-02T12:01:00.000Z",
    });
    await expect(agent.machines.environment({ id: machine.id })).resolves.toMatchObject({ hostname: "macbook.local" });
    await expect(h.nest.machines.get({ id: machine.id })).resolves.toMatchObject({ status: "online" });
  });

  it("do not reach another machine of the same user", async () => {
    const first = await register(h.nest, { name: "first" });
    const second = await register(h.nest, { name: "second" });
    const agent = h.client(first.token);
    await expect(agent.machines.get({ id: second.machine.id })).rejects.toMatchObject(notFound);
    await expect(agent.machines.environment({ id: second.machine.id })).rejects.toMatchObject(notFound);
  });

  it("are refused with 403 FORBIDDEN on user-only endpoints, without marking the machine seen", async () => {
    const { machine, token } = await register(h.nest);
    const agent = h.client(token);
    const id = machine.id;
    await expect(agent.machines.list()).rejects.toMatchObject(forbidden);
    await expect(agent.machines.register(macbook)).rejects.toMatchObject(forbidden);
    await expect(agent.machines.update({ id, name: "x" })).rejects.toMatchObject(forbidden);
    await expect(agent.machines.remove({ id })).rejects.toMatchObject(forbidden);
    await expect(agent.machines.regenerateToken({ id })).rejects.toMatchObject(forbidden);
    await expect(agent.machines.wake({ id })).rejects.toMatchObject(forbidden);
    await expect(agent.auth.me()).rejects.toMatchObject(forbidden);
    await expect(agent.auth.listTokens()).rejects.toMatchObject(forbidden);
    await expect(agent.auth.createToken({ name: "escalate" })).rejects.toMatchObject(forbidden);
    await expect(agent.auth.logout()).rejects.toMatchObject(forbidden);
    await expect(h.nest.machines.get({ id })).resolves.toMatchObject({ name: "MacBook Pro", status: "offline" });
  });

  it("regenerateToken gives a new token and the old one stops working", async () => {
    const { machine, token: old } = await register(h.nest);
    const { token } = await h.nest.machines.regenerateToken({ id: machine.id });
    expect(token).toMatch(/^mn_/);
    expect(token).not.toBe(old);
    await expect(h.client(old).machines.get({ id: machine.id })).rejects.toMatchObject({
      status: 401,
      code: "AUTH_002",
    });
    await expect(h.client(token).machines.get({ id: machine.id })).resolves.toMatchObject({ id: machine.id });
  });
});

describe("status from the clock", () => {
  it("is online for five minutes after the agent's last request, then offline", async () => {
    const { machine, token } = await register(h.nest);
    const agent = h.client(token);
    const status = async () => (await h.nest.machines.get({ id: machine.id })).status;
    await agent.machines.get({ id: machine.id });
    // Every request counts, however soon after the previous one.
    h.server.clock.advance(20_000);
    await agent.machines.environment({ id: machine.id });
    h.server.clock.advance(5 * MINUTE - 1);
    expect(await status()).toBe("online");
    h.server.clock.advance(1);
    expect(await status()).toBe("offline");
  });

  it("connected_at marks the start of the current connection", async () => {
    const { machine, token } = await register(h.nest);
    const agent = h.client(token);
    await agent.machines.get({ id: machine.id });
    h.server.clock.advance(2 * MINUTE);
    const still = await agent.machines.get({ id: machine.id });
    expect(still).toMatchObject({
      connected_at: "2026-02-02T12:00:00.000Z",
      last_seen_at: "2026-02-02T12:02:00.000Z",
    });
    h.server.clock.advance(10 * MINUTE);
    const again = await agent.machines.get({ id: machine.id });
    expect(again).toMatchObject({
      connected_at: "2026-02-02T12:12:00.000Z",
      last_seen_at: "2026-02-02T12:12:00.000Z",
    });
  });
});

describe("machines.wake (§4.8)", () => {
  it("sends the signal to an offline machine, which is connecting until its agent calls", async () => {
    const { machine, token } = await register(h.nest);
    const woken = await h.nest.machines.wake({ id: machine.id });
    expect(woken).toEqual({ message: "Wake-on-LAN signal sent", machine: { ...machine, status: "connecting" } });
    await expect(h.nest.machines.list({ status: "connecting" })).resolves.toEqual([woken.machine]);
    await h.client(token).machines.get({ id: machine.id });
    await expect(h.nest.machines.get({ id: machine.id })).resolves.toMatchObject({ status: "online" });
  });

  it("a wake that no agent answers falls back to offline after five minutes", async () => {
    const { machine } = await register(h.nest);
    await h.nest.machines.wake({ id: machine.id });
    h.server.clock.advance(5 * MINUTE);
    await expect(h.nest.machines.get({ id: machine.id })).resolves.toMatchObject({ status: "offline" });
  });

  it("answers 400 MCH_003 for a machine without wake_on_lan", async () => {
    const { machine } = await register(h.nest, { capabilities: ["gpu"] });
    await expect(h.nest.machines.wake({ id: machine.id })).rejects.toMatchObject({
      status: 400,
      code: "MCH_003",
      message: "400 MCH_003: Machine does not support Wake-on-LAN",
    });
  });

  it("answers 400 MCH_004 for a machine that is online", async () => {
    const { machine, token } = await register(h.nest);
    await h.client(token).machines.get({ id: machine.id });
    await expect(h.nest.machines.wake({ id: machine.id })).rejects.toMatchObject({
      status: 400,
      code: "MCH_004",
      message: "400 MCH_004: Machine is already online",
    });
  });
});

describe("machines.list (§4.1)", () => {
  /** The demo machine plus `count` more, named m1..mN, created a second apart. */
  async function fill(count: number) {
    const made = [];
    for (let i = 1; i <= count; i++) {
      h.server.clock.advance(1000);
      made.push(await register(h.nest, { name: `m${i}`, hostname: `host-${i}.lan` }));
    }
    return made;
  }

  it("pages by per_page and page, with the documented pagination meta", async () => {
    await fill(5);
    const first = await h.nest.machines.list({ per_page: 4 }).withResponse();
    expect(first.data.map((m) => m.name)).toEqual(["Demo Workstation", "m1", "m2", "m3"]);
    expect(first.meta.pagination).toEqual({ page: 1, lastPage: 2, perPage: 4, total: 6 });
    const second = await h.nest.machines.list({ per_page: 4, page: 2 }).withResponse();
    expect(second.data.map((m) => m.name)).toEqual(["m4", "m5"]);
    expect(second.meta.pagination).toEqual({ page: 2, lastPage: 2, perPage: 4, total: 6 });
    const beyond = await h.nest.machines.list({ per_page: 4, page: 3 }).withResponse();
    expect(beyond.data).toEqual([]);
    expect(beyond.meta.pagination).toEqual({ page: 3, lastPage: 2, perPage: 4, total: 6 });
  });

  it("sends the pagination block as the document writes it, 15 per page by default", async () => {
    await fill(16);
    const response = await h.request("GET", "/machines", { token: h.token });
    const body = await response.json();
    expect(body.data).toHaveLength(15);
    expect(body.meta.pagination).toEqual({ current_page: 1, last_page: 2, per_page: 15, total: 17 });
  });

  it("for await walks every page, in order", async () => {
    const made = await fill(6);
    const names: string[] = [];
    for await (const machine of h.nest.machines.list({ per_page: 2 })) names.push(machine.name);
    expect(names).toEqual(["Demo Workstation", ...made.map((m) => m.machine.name)]);
    let pages = 0;
    for await (const page of h.nest.machines.list({ per_page: 2 }).pages()) {
      pages++;
      expect(page.data.length).toBeLessThanOrEqual(2);
    }
    expect(pages).toBe(4);
  });

  it("lists machines in the order they were made, also within one millisecond", async () => {
    const names = Array.from({ length: 8 }, (_, i) => `same-ms ${i}`);
    for (const name of names) await register(h.nest, { name });
    expect((await h.nest.machines.list()).map((m) => m.name)).toEqual(["Demo Workstation", ...names]);
  });

  it("an empty list is one page", async () => {
    const other = await h.signUp("empty@example.com");
    const { data, meta } = await other.nest.machines.list().withResponse();
    expect(data).toEqual([]);
    expect(meta.pagination).toEqual({ page: 1, lastPage: 1, perPage: 15, total: 0 });
  });

  it("search matches name or hostname, any case, with LIKE wildcards taken literally", async () => {
    await fill(3);
    await register(h.nest, { name: "100% uptime", hostname: "under_score" });
    const names = async (search: string) => (await h.nest.machines.list({ search })).map((m) => m.name);
    expect(await names("M2")).toEqual(["m2"]);
    expect(await names("host-3")).toEqual(["m3"]);
    expect(await names("host-")).toEqual(["m1", "m2", "m3"]);
    expect(await names("%")).toEqual(["100% uptime"]);
    expect(await names("_")).toEqual(["100% uptime"]);
    expect(await names("nothing like it")).toEqual([]);
    const { meta } = await h.nest.machines.list({ search: "host-", per_page: 2 }).withResponse();
    expect(meta.pagination?.total).toBe(3);
  });

  it("filters by status, computed from the clock", async () => {
    const [one, two] = await fill(2);
    await h.client(one!.token).machines.get({ id: one!.machine.id });
    h.server.clock.advance(2 * MINUTE);
    await h.client(two!.token).machines.get({ id: two!.machine.id });
    const names = async (status: "online" | "offline" | "connecting") =>
      (await h.nest.machines.list({ status })).map((m) => m.name);
    expect(await names("online")).toEqual(["m1", "m2"]);
    expect(await names("offline")).toEqual(["Demo Workstation"]);
    h.server.clock.advance(3 * MINUTE);
    expect(await names("online")).toEqual(["m2"]);
    expect(await names("offline")).toEqual(["Demo Workstation", "m1"]);
    h.server.clock.advance(2 * MINUTE);
    expect(await names("online")).toEqual([]);
    expect(await names("connecting")).toEqual([]);
    const { meta } = await h.nest.machines.list({ status: "offline" }).withResponse();
    expect(meta.pagination?.total).toBe(3);
    // Filters combine.
    expect((await h.nest.machines.list({ status: "offline", search: "m" })).map((m) => m.name)).toEqual([
      "Demo Workstation",
      "m1",
      "m2",
    ]);
  });

  it("refuses bad query values with VAL_001", async () => {
    for (const query of ["per_page=0", "per_page=101", "per_page=abc", "page=0", "status=asleep"]) {
      const response = await h.request("GET", `/machines?${query}`, { token: h.token });
      expect(response.status, query).toBe(422);
      const { error } = await response.json();
      expect(error.code).toBe("VAL_001");
      expect(Object.keys(error.errors), query).toEqual([query.split("=")[0]]);
      expect(error.errors[query.split("=")[0]!][0], query).not.toMatch(/required/);
    }
  });
});
