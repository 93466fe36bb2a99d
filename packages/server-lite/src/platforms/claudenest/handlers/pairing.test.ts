import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type NestHarness, startNest } from "../testing/test-nest.ts";

const MINUTE = 60_000;
const agentInfo = { platform: "linux", hostname: "dev-box", node_version: "20.11.0", agent_version: "1.0.0" };

let h: NestHarness;
beforeEach(async () => {
  h = await startNest();
});
afterEach(() => h.close());

/** The agent's side: a client without a token, as on a machine that is not paired yet. */
const agent = () => h.client();

describe("pairing.initiate (§3.1)", () => {
  it("answers 201 with a short code, a temporary token and an expiry 10 minutes out", async () => {
    const { data, status } = await agent().pairing.initiate({ agent_info: agentInfo }).withResponse();
    expect(status).toBe(201);
    expect(data.code).toMatch(/^[A-HJ-NP-Z]{3}-\d{3}$/);
    expect(data.token).toEqual(expect.any(String));
    expect(data.token.length).toBeGreaterThan(20);
    expect(data.expires_at).toBe("2026-02-02T12:10:00.000Z");
  });

  it("gives every pairing its own code and token", async () => {
    const tickets = await Promise.all(
      Array.from({ length: 8 }, () => agent().pairing.initiate({ agent_info: agentInfo })),
    );
    expect(new Set(tickets.map((t) => t.code)).size).toBe(8);
    expect(new Set(tickets.map((t) => t.token)).size).toBe(8);
  });

  it("validates agent_info field by field", async () => {
    const missing = await h.request("POST", "/pairing/initiate", { body: {} });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.errors).toEqual({ agent_info: ["The agent_info field is required."] });

    const partial = await h.request("POST", "/pairing/initiate", { body: { agent_info: { platform: "linux" } } });
    expect((await partial.json()).error.errors).toEqual({
      "agent_info.hostname": ["The agent_info.hostname field is required."],
    });
  });

  it("holds agent_info's machine fields to the types and sizes of a machine's, and stores only those", async () => {
    const refused = async (info: Record<string, unknown>) => {
      const response = await h.request("POST", "/pairing/initiate", { body: { agent_info: info } });
      expect(response.status).toBe(422);
      return Object.keys((await response.json()).error.errors);
    };
    expect(await refused({ ...agentInfo, arch: { cpu: "x64" } })).toEqual(["agent_info.arch"]);
    expect(await refused({ ...agentInfo, node_version: 20 })).toEqual(["agent_info.node_version"]);
    expect(await refused({ ...agentInfo, hostname: "h".repeat(256) })).toEqual(["agent_info.hostname"]);
    expect(await refused({ ...agentInfo, platform: "p".repeat(65) })).toEqual(["agent_info.platform"]);

    // Fields the server does not know are accepted, as agents may send more, but not kept.
    const extra = { os_release: "6.8", labels: { team: "x".repeat(10_000) } };
    const ticket = await agent().pairing.initiate({ agent_info: { ...agentInfo, arch: "arm64", ...extra } });
    const stored = h.server.db.get<{ agent_info: string }>(
      "SELECT agent_info FROM cn_pairings WHERE code = ?",
      ticket.code,
    )!;
    expect(JSON.parse(stored.agent_info)).toEqual({ ...agentInfo, arch: "arm64" });
    const done = await h.nest.pairing.complete({ code: ticket.code });
    await expect(h.nest.machines.environment({ id: done.machine.id })).resolves.toMatchObject({
      arch: "arm64",
      node_version: "20.11.0",
    });
  });
});

describe("pairing.status (§3.2)", () => {
  it("keeps the machine token in the store only sealed with the agent's pairing token", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    await h.nest.pairing.complete({ code: ticket.code });
    const status = await agent().pairing.status({ code: ticket.code }, { token: ticket.token });
    if (status.status !== "completed") throw new Error("the pairing is completed");
    const stored = JSON.stringify(h.server.db.all("SELECT * FROM cn_pairings"));
    expect(stored).not.toContain(status.machine.token);
    expect(stored).not.toContain(status.machine.token.slice(3));
    expect(stored).not.toContain(ticket.token);
    await expect(h.client(status.machine.token).machines.get({ id: status.machine.id })).resolves.toBeDefined();
  });

  it("is pending until the user completes it, then answers the machine and its token", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    const poll = () => agent().pairing.status({ code: ticket.code }, { token: ticket.token });
    await expect(poll()).resolves.toEqual({ status: "pending", expires_at: ticket.expires_at });

    const done = await h.nest.pairing.complete({ code: ticket.code });
    const status = await poll();
    expect(status).toEqual({
      status: "completed",
      machine: { id: done.machine.id, token: expect.stringMatching(/^mn_/) },
    });
    if (status.status !== "completed") throw new Error("unreachable");
    // The agent's new token is a working machine token.
    await expect(h.client(status.machine.token).machines.get({ id: status.machine.id })).resolves.toMatchObject({
      id: done.machine.id,
      hostname: "dev-box",
    });
    await expect(poll()).resolves.toEqual(status);
  });

  it("finds the code whatever its case", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    await expect(
      agent().pairing.status({ code: ticket.code.toLowerCase() }, { token: ticket.token }),
    ).resolves.toMatchObject({ status: "pending" });
  });

  it("needs the temporary token of this very pairing (401 AUTH_002 otherwise)", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    const other = await agent().pairing.initiate({ agent_info: agentInfo });
    const unauthenticated = { status: 401, code: "AUTH_002" };
    await expect(agent().pairing.status({ code: ticket.code })).rejects.toMatchObject(unauthenticated);
    await expect(agent().pairing.status({ code: ticket.code }, { token: "pt_wrong" })).rejects.toMatchObject(
      unauthenticated,
    );
    await expect(agent().pairing.status({ code: ticket.code }, { token: other.token })).rejects.toMatchObject(
      unauthenticated,
    );
    // A user's token is no pairing token either.
    await expect(h.nest.pairing.status({ code: ticket.code })).rejects.toMatchObject(unauthenticated);
  });

  it("answers 404 PAR_001 for an unknown code", async () => {
    await expect(agent().pairing.status({ code: "ZZZ-999" }, { token: "pt_any" })).rejects.toMatchObject({
      status: 404,
      code: "PAR_001",
    });
  });

  it("answers 410 PAR_002 once the code expired, then PAR_001 once it is forgotten", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    const poll = () => agent().pairing.status({ code: ticket.code }, { token: ticket.token });
    h.server.clock.advance(10 * MINUTE - 1);
    await expect(poll()).resolves.toMatchObject({ status: "pending" });
    h.server.clock.advance(1);
    await expect(poll()).rejects.toMatchObject({
      status: 410,
      code: "PAR_002",
      message: "410 PAR_002: Pairing code has expired",
    });
    h.server.clock.advance(60 * MINUTE);
    await expect(poll()).rejects.toMatchObject({ status: 404, code: "PAR_001" });
  });

  it("a completed pairing stops handing out the machine token when the code expires", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    await h.nest.pairing.complete({ code: ticket.code });
    h.server.clock.advance(11 * MINUTE);
    await expect(agent().pairing.status({ code: ticket.code }, { token: ticket.token })).rejects.toMatchObject({
      status: 410,
      code: "PAR_002",
    });
  });
});

describe("pairing.complete (§3.3)", () => {
  it("creates an online machine named as asked, or after the agent's hostname", async () => {
    const named = await agent().pairing.initiate({ agent_info: agentInfo });
    const done = await h.nest.pairing.complete({ code: named.code, name: "My MacBook Pro" });
    expect(done).toEqual({
      machine: {
        id: expect.any(String),
        name: "My MacBook Pro",
        platform: "linux",
        hostname: "dev-box",
        status: "online",
      },
      pairing: { code: named.code, completed_at: "2026-02-02T12:00:00.000Z" },
    });
    await expect(h.nest.machines.get({ id: done.machine.id })).resolves.toMatchObject({
      name: "My MacBook Pro",
      status: "online",
      connected_at: "2026-02-02T12:00:00.000Z",
    });
    await expect(h.nest.machines.environment({ id: done.machine.id })).resolves.toMatchObject({
      node_version: "20.11.0",
      agent_version: "1.0.0",
    });

    const unnamed = await agent().pairing.initiate({ agent_info: { platform: "darwin", hostname: "mac.local" } });
    const second = await h.nest.pairing.complete({ code: unnamed.code.toLowerCase() });
    expect(second.machine).toMatchObject({ name: "mac.local", platform: "darwin" });
    expect(second.pairing.code).toBe(unnamed.code);
  });

  it("answers 409 PAR_003 the second time, creating nothing more", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    await h.nest.pairing.complete({ code: ticket.code });
    const machines = () => h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_machines")!.n;
    const count = machines();
    await expect(h.nest.pairing.complete({ code: ticket.code })).rejects.toMatchObject({
      status: 409,
      code: "PAR_003",
    });
    const other = await h.signUp("other@example.com");
    await expect(other.nest.pairing.complete({ code: ticket.code })).rejects.toMatchObject({ code: "PAR_003" });
    expect(machines()).toBe(count);
  });

  it("answers 404 PAR_001 for an unknown code and 410 PAR_002 for an expired one", async () => {
    await expect(h.nest.pairing.complete({ code: "ZZZ-999" })).rejects.toMatchObject({ status: 404, code: "PAR_001" });
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    h.server.clock.advance(11 * MINUTE);
    await expect(h.nest.pairing.complete({ code: ticket.code })).rejects.toMatchObject({
      status: 410,
      code: "PAR_002",
    });
    expect(h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_machines")!.n).toBe(1);
  });

  it("needs a user's personal token", async () => {
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    await expect(agent().pairing.complete({ code: ticket.code })).rejects.toMatchObject({
      status: 401,
      code: "AUTH_002",
    });
    await expect(h.client(ticket.token).pairing.complete({ code: ticket.code })).rejects.toMatchObject({
      status: 401,
      code: "AUTH_002",
    });
    const { token } = await h.nest.machines.register({ name: "m", platform: "linux", hostname: "m" });
    await expect(h.client(token).pairing.complete({ code: ticket.code })).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    await expect(agent().pairing.status({ code: ticket.code }, { token: ticket.token })).resolves.toMatchObject({
      status: "pending",
    });
  });

  it("gives the machine to the user who completed it", async () => {
    const other = await h.signUp("other@example.com");
    const ticket = await agent().pairing.initiate({ agent_info: agentInfo });
    const done = await other.nest.pairing.complete({ code: ticket.code });
    await expect(other.nest.machines.get({ id: done.machine.id })).resolves.toMatchObject({ hostname: "dev-box" });
    await expect(h.nest.machines.get({ id: done.machine.id })).rejects.toMatchObject({ code: "MCH_001" });
  });
});

describe("the SDK's pairMachine flow", () => {
  it("polls until the user confirms the code and resolves with the machine token", async () => {
    const codes: string[] = [];
    const paired = await agent().pairMachine(agentInfo, {
      interval: 1,
      maxInterval: 5,
      onCode: (code) => {
        codes.push(code);
        void h.nest.pairing.complete({ code, name: "paired by flow" });
      },
    });
    expect(codes).toHaveLength(1);
    expect(paired.token).toMatch(/^mn_/);
    await expect(h.client(paired.token).machines.get({ id: paired.id })).resolves.toMatchObject({
      name: "paired by flow",
      status: "online",
    });
  });

  it("ends with 410 PAR_002 when the code expires unconfirmed", async () => {
    const flow = agent().pairMachine(agentInfo, {
      interval: 1,
      maxInterval: 5,
      onCode: () => h.server.clock.advance(10 * MINUTE),
    });
    await expect(flow).rejects.toMatchObject({ status: 410, code: "PAR_002" });
  });
});
