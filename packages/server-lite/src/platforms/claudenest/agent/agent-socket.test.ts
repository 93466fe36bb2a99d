/**
 * The `/ws/agent` socket as ClaudeNest's own agent uses it, driven by a fake agent built on the SDK's agent client.
 * Expectations quote the public ClaudeNest sources (QrCommunication/claudenest) they come from.
 */
import { isLiveError } from "@agentlane/sdk";
import { describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import type { NestServices } from "../services.ts";
import { agentTestServer } from "../testing/fake-agent.ts";
import { newUser } from "../testing/test-support.ts";

const world = agentTestServer();

async function machineOf(name = "alice") {
  const user = await newUser(world.server, name);
  const { machine, token } = await user.nest.machines.register({
    name: "laptop",
    platform: "linux",
    hostname: "laptop.local",
    capabilities: ["wake_on_lan"],
  });
  return { user, machine: { id: machine.id, token } };
}

const connect = (machine: { id: string; token: string }, options = {}) => world.connect(machine, options);

/** The HTTP status an upgrade of `/ws/agent` is refused with. */
function refusal(headers: Record<string, string>, query = ""): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${world.origin.replace("http", "ws")}/claudenest/ws/agent${query}`, { headers });
    ws.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    ws.on("open", () => reject(new Error("the upgrade was accepted")));
    ws.on("error", () => {});
  });
}

describe("authentication", () => {
  // packages/server/app/Console/Commands/AgentServe.php, handleAgentUpgrade: without both headers, or with a token
  // that does not verify, "HTTP/1.1 401 Unauthorized".
  it("refuses an upgrade without the machine's id and token, or with another machine's token", async () => {
    const { machine } = await machineOf();
    const other = await machineOf("bob");
    expect(await refusal({})).toBe(401);
    expect(await refusal({ "X-Machine-ID": machine.id })).toBe(401);
    expect(await refusal({ "X-Machine-ID": machine.id, "X-Machine-Token": other.machine.token })).toBe(401);
    expect(await refusal({ "X-Machine-ID": machine.id, "X-Machine-Token": "mn_nope" })).toBe(401);
  });

  // packages/agent/src/websocket/client.ts: `new WebSocket(wsUrl, { headers: { 'X-Machine-Token': ..., 'X-Machine-ID':
  // ... } })` on `${baseUrl}/ws/agent`.
  it("accepts the agent's headers, and the same pair in the query where headers cannot be set", async () => {
    const { machine } = await machineOf();
    const byHeaders = await connect(machine);
    expect(byHeaders.connection.status).toBe("connected");
    byHeaders.connection.close();
    const byQuery = await connect(machine, { credentials: "query" });
    expect(byQuery.connection.status).toBe("connected");
  });
});

describe("machine status and machine:info", () => {
  // AgentServe.php: `$machine->markAsOnline()` on connect, `markAsOffline()` in handleDisconnect.
  it("shows the machine online exactly while its agent's socket is open", async () => {
    const { user, machine } = await machineOf();
    expect((await user.nest.machines.get({ id: machine.id })).status).toBe("offline");
    const agent = await connect(machine);
    expect((await user.nest.machines.get({ id: machine.id })).status).toBe("online");
    // The five-minute window of REST requests no longer applies: the socket decides.
    world.server.clock.advance(10 * 60 * 1000);
    expect((await user.nest.machines.get({ id: machine.id })).status).toBe("online");
    agent.connection.close();
    await vi.waitFor(async () => expect((await user.nest.machines.get({ id: machine.id })).status).toBe("offline"));
    // An offline machine takes no session (MCH_002), as before.
    await expect(user.nest.sessions.create({ machine: machine.id })).rejects.toMatchObject({ code: "MCH_002" });
  });

  // packages/agent/src/agent.ts, getMachineInfo(): {platform, hostname, arch, nodeVersion, agentVersion,
  // claudeVersion, claudePath, capabilities: {supportsPTY, supportsTmux, supportsMCP, supportsSkills, ...},
  // maxSessions}; AgentServe.php onMachineInfo stores them on the machine.
  it("fills the machine's details from machine:info", async () => {
    const { user, machine } = await machineOf();
    await connect(machine, {
      machineInfo: () => ({
        id: machine.id,
        name: "laptop",
        platform: "darwin",
        hostname: "mbp.local",
        arch: "arm64",
        nodeVersion: "v22.3.0",
        agentVersion: "2.4.0",
        claudeVersion: "1.0.40",
        claudePath: "/usr/local/bin/claude",
        capabilities: {
          supportsPTY: true,
          supportsTmux: true,
          supportsMCP: false,
          supportsSkills: true,
          availableSkills: ["review"],
          availableMCPs: [],
        },
        maxSessions: 4,
      }),
    });
    await vi.waitFor(async () =>
      expect(await user.nest.machines.get({ id: machine.id })).toMatchObject({
        platform: "darwin",
        hostname: "mbp.local",
        arch: "arm64",
        max_sessions: 4,
        capabilities: ["wake_on_lan", "pty", "tmux", "skills"],
      }),
    );
    const services = world.server.services("claudenest") as NestServices;
    expect(
      services.db.get("SELECT agent_version, claude_version, claude_path FROM cn_machines WHERE id = ?", machine.id),
    ).toEqual({ agent_version: "2.4.0", claude_version: "1.0.40", claude_path: "/usr/local/bin/claude" });
  });

  it("answers a frame it cannot read, an unknown type and an invalid payload with an error frame", async () => {
    const { machine } = await machineOf();
    const agent = await connect(machine);
    agent.connection.send("machine:info", { maxSessions: "many" } as never);
    const invalid = await agent.next("error");
    expect(invalid.payload).toMatchObject({ originalType: "machine:info", code: "VAL_001" });
    expect(String((invalid.payload as { message: string }).message)).toContain("maxSessions");
    agent.connection.send("machine:teleport", {});
    expect((await agent.next("error")).payload).toMatchObject({ originalType: "machine:teleport", code: "VAL_001" });
  });

  // packages/agent/src/agent.ts: the agent answers `ping` with `pong` and sends `ping` as its heartbeat
  // (websocket/client.ts startHeartbeat); AgentServe.php answers `ping` with `pong`.
  it("answers the agent's ping with pong", async () => {
    const { machine } = await machineOf();
    const agent = await connect(machine);
    agent.connection.send("ping", { timestamp: 1 });
    expect((await agent.next("pong")).payload).toMatchObject({ timestamp: expect.any(Number) });
  });

  // AgentServe.php handleAgentUpgrade: a second connection of the machine replaces the first ("Replaced").
  it("keeps one socket per machine: a new connection replaces the old and the machine stays online", async () => {
    const { user, machine } = await machineOf();
    const first = await connect(machine, { backoff: { minDelay: 60_000, maxDelay: 60_000 } });
    const statuses: string[] = [];
    first.connection.on("status", (status) => statuses.push(status));
    await connect(machine);
    await vi.waitFor(() => expect(statuses).toContain("reconnecting"));
    expect((await user.nest.machines.get({ id: machine.id })).status).toBe("online");
  });

  it("closes the agent's socket when its machine is deleted", async () => {
    const { user, machine } = await machineOf();
    const agent = await connect(machine);
    await user.nest.machines.remove({ id: machine.id });
    await vi.waitFor(() => expect(agent.connection.status).toBe("closed"));
    expect(agent.connection.closeError?.message).toContain("The machine was deleted");
  });

  it("closes the agent's socket when its machine token is regenerated, and the agent stops", async () => {
    const { user, machine } = await machineOf();
    const agent = await connect(machine);
    await user.nest.machines.regenerateToken({ id: machine.id });
    await vi.waitFor(() => expect(agent.connection.status).toBe("closed"));
    expect(isLiveError(agent.connection.closeError)).toBe(true);
    expect((await user.nest.machines.get({ id: machine.id })).status).toBe("offline");
  });
});
