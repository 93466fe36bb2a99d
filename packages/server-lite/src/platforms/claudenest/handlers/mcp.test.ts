import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NestServices } from "../services.ts";
import { clientFor, type MachineToolsWorld, machineToolsWorld } from "../testing/test-machine-tools.ts";
import { toolResult } from "./mcp.ts";

const fixture = fileURLToPath(new URL("../testing/fixtures/echo-mcp-server.mjs", import.meta.url));

let world: MachineToolsWorld;
afterEach(() => world.close());

/** A server that may run Node, so that it can run the fixture MCP server. */
const withNode = () => machineToolsWorld({ exec: [process.execPath] });

const services = () => world.server.services("claudenest") as NestServices;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function addEcho(name = "echo", extra: { args?: string[]; env?: Record<string, string> } = {}) {
  return world.nest.mcp.add({
    machine: world.machine.id,
    name,
    display_name: "Echo",
    command: process.execPath,
    args: [fixture, ...(extra.args ?? [])],
    env: extra.env ?? { ECHO_PREFIX: "echo: " },
  });
}

describe("MCP server configuration", () => {
  it("adds, gets, lists and updates servers without answering env values", async () => {
    world = await machineToolsWorld();
    const added = await world.nest.mcp.add({
      machine: world.machine.id,
      name: "fetch",
      command: "uvx",
      args: ["mcp-server-fetch"],
      env: { HTTP_PROXY: "http://secret@proxy" },
      auto_start: true,
    });
    expect(added).toEqual({
      id: expect.any(String),
      name: "fetch",
      display_name: null,
      status: "stopped",
      transport: "stdio",
      command: "uvx",
      args: ["mcp-server-fetch"],
      env_keys: ["HTTP_PROXY"],
      auto_start: true,
      tools_count: 0,
      last_started_at: null,
      last_error: null,
      created_at: expect.any(String),
    });
    expect(JSON.stringify(await world.nest.mcp.list({ machine: world.machine.id }))).not.toContain("secret");
    expect(await world.nest.mcp.get({ machine: world.machine.id, name: "fetch" })).toEqual(added);
    const updated = await world.nest.mcp.update({
      machine: world.machine.id,
      name: "fetch",
      display_name: "Web Fetch",
      env: { TOKEN: "t", OTHER: "o" },
      auto_start: false,
    });
    expect(updated).toMatchObject({ display_name: "Web Fetch", env_keys: ["TOKEN", "OTHER"], auto_start: false });
    expect(updated.args).toEqual(["mcp-server-fetch"]);
    await world.nest.mcp.add({ machine: world.machine.id, name: "alpha", command: "npx" });
    expect((await world.nest.mcp.list({ machine: world.machine.id })).map((s) => s.name)).toEqual(["alpha", "fetch"]);
  });

  it("validates names, commands and env, and refuses a duplicate name", async () => {
    world = await machineToolsWorld();
    const machine = world.machine.id;
    await world.nest.mcp.add({ machine, name: "fs", command: "npx" });
    await expect(world.nest.mcp.add({ machine, name: "fs", command: "npx" })).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      details: { name: expect.any(Array) },
    });
    for (const name of ["all-tools", "-dash", "has space", "a/b", ""]) {
      await expect(world.nest.mcp.add({ machine, name, command: "npx" })).rejects.toMatchObject({
        code: "VAL_001",
        details: { name: expect.any(Array) },
      });
    }
    await expect(world.nest.mcp.add({ machine, name: "x" } as never)).rejects.toMatchObject({
      details: { command: ["The command field is required."] },
    });
    await expect(
      world.nest.mcp.add({ machine, name: "x", command: "npx", env: { "BAD-NAME": "1" } }),
    ).rejects.toMatchObject({ code: "VAL_001" });
    await expect(
      world.nest.mcp.add({ machine, name: "x", command: "npx", transport: "sse" } as never),
    ).rejects.toMatchObject({ code: "VAL_001", details: { transport: expect.any(Array) } });
  });

  it("answers MCP_001 for a server that does not exist", async () => {
    world = await machineToolsWorld();
    const at = { machine: world.machine.id, name: "ghost" };
    for (const call of [
      () => world.nest.mcp.get(at),
      () => world.nest.mcp.update({ ...at, display_name: "x" }),
      () => world.nest.mcp.start(at),
      () => world.nest.mcp.stop(at),
      () => world.nest.mcp.tools(at),
      () => world.nest.mcp.execute({ ...at, tool: "echo" }),
      () => world.nest.mcp.remove(at),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 404, code: "MCP_001" });
    }
  });

  it("keeps /mcp/all-tools the aggregate whatever the servers are called", async () => {
    world = await withNode();
    await addEcho("tools");
    await addEcho("all");
    await world.nest.mcp.start({ machine: world.machine.id, name: "all" });
    const aggregate = await world.nest.mcp.allTools({ machine: world.machine.id });
    expect(aggregate.map((t) => [t.server, t.name])).toEqual([
      ["all", "echo"],
      ["all", "fail"],
    ]);
    expect(await world.nest.mcp.get({ machine: world.machine.id, name: "tools" })).toMatchObject({ name: "tools" });
    expect(await world.nest.mcp.get({ machine: world.machine.id, name: "all" })).toMatchObject({ status: "running" });
  });

  it("refuses to start a command outside the allow-list with 403, naming the rule, and marks the server", async () => {
    world = await machineToolsWorld();
    await addEcho();
    await expect(world.nest.mcp.start({ machine: world.machine.id, name: "echo" })).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      message: expect.stringMatching(/allow-list.*--exec/),
    });
    expect(await world.nest.mcp.get({ machine: world.machine.id, name: "echo" })).toMatchObject({
      status: "error",
      last_error: expect.stringContaining("allow-list"),
    });
    expect(await world.nest.mcp.stop({ machine: world.machine.id, name: "echo" })).toMatchObject({
      status: "stopped",
      last_error: null,
    });
  });
});

describe("MCP servers over stdio", () => {
  it("starts a server, lists its tools across pages, calls them and stops it", async () => {
    world = await withNode();
    const at = { machine: world.machine.id, name: "echo" };
    await addEcho();
    const started = await world.nest.mcp.start(at);
    expect(started).toMatchObject({ status: "running", tools_count: 2, last_error: null });
    expect(started.last_started_at).not.toBeNull();
    const pid = services().mcp.pid(started.id)!;
    expect(isAlive(pid)).toBe(true);

    expect(await world.nest.mcp.tools(at)).toEqual([
      {
        name: "echo",
        description: "Answers the text it is given",
        parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
      },
      { name: "fail", description: "Always fails", parameters: expect.objectContaining({ type: "object" }) },
    ]);
    expect(await world.nest.mcp.execute({ ...at, tool: "echo", parameters: { text: "hello" } })).toEqual({
      content: "echo: hello\ndone",
      mimeType: "text/plain",
    });

    // Starting again keeps the same process.
    expect(await world.nest.mcp.start(at)).toMatchObject({ status: "running" });
    expect(services().mcp.pid(started.id)).toBe(pid);

    const stopped = await world.nest.mcp.stop(at);
    expect(stopped).toMatchObject({ status: "stopped", tools_count: 2 });
    expect(isAlive(pid)).toBe(false);
    expect(await world.nest.mcp.tools(at)).toHaveLength(2);
    expect(await world.nest.mcp.allTools({ machine: world.machine.id })).toEqual([]);
    await expect(world.nest.mcp.execute({ ...at, tool: "echo", parameters: { text: "x" } })).rejects.toMatchObject({
      status: 409,
      code: "MCP_003",
      message: expect.stringContaining("not running"),
    });
    expect(await world.nest.mcp.stop(at)).toMatchObject({ status: "stopped" });
  });

  it("answers MCP_003 for JSON-RPC errors, error results and unknown tools", async () => {
    world = await withNode();
    const at = { machine: world.machine.id, name: "echo" };
    await addEcho();
    await world.nest.mcp.start(at);
    await expect(world.nest.mcp.execute({ ...at, tool: "fail" })).rejects.toMatchObject({
      code: "MCP_003",
      message: expect.stringContaining("fail was called"),
    });
    await expect(world.nest.mcp.execute({ ...at, tool: "fail", parameters: { mode: "result" } })).rejects.toMatchObject(
      { code: "MCP_003", message: expect.stringContaining("failed on purpose") },
    );
    await expect(world.nest.mcp.execute({ ...at, tool: "read_file" })).rejects.toMatchObject({
      status: 404,
      code: "MCP_003",
      message: expect.stringContaining('no tool "read_file"'),
    });
    await expect(world.nest.mcp.execute({ ...at } as never)).rejects.toMatchObject({
      status: 422,
      details: { tool: ["The tool field is required."] },
    });
    // The server still works after its failures.
    await expect(world.nest.mcp.execute({ ...at, tool: "echo", parameters: { text: "ok" } })).resolves.toMatchObject({
      content: "echo: ok\ndone",
    });
  });

  it("answers MCP_002 when the process exits during the handshake", async () => {
    world = await withNode();
    await addEcho("quitter", { args: ["--exit"] });
    await expect(world.nest.mcp.start({ machine: world.machine.id, name: "quitter" })).rejects.toMatchObject({
      code: "MCP_002",
      message: expect.stringContaining("exited with code 3"),
    });
    const server = await world.nest.mcp.get({ machine: world.machine.id, name: "quitter" });
    expect(server).toMatchObject({ status: "error", last_error: expect.stringContaining("asked to exit") });
    expect(services().mcp.has(server.id)).toBe(false);
  });

  it("answers MCP_002 and kills the process when the handshake times out", async () => {
    world = await withNode();
    services().mcp.handshakeTimeoutMs = 300;
    const added = await addEcho("mute", { args: ["--silent"] });
    const starting = world.nest.mcp.start({ machine: world.machine.id, name: "mute" });
    await vi.waitFor(() => expect(services().mcp.pid(added.id)).toBeDefined());
    const pid = services().mcp.pid(added.id)!;
    await expect(starting).rejects.toMatchObject({
      code: "MCP_002",
      message: expect.stringContaining("did not answer `initialize`"),
    });
    expect(isAlive(pid)).toBe(false);
    expect(await world.nest.mcp.get({ machine: world.machine.id, name: "mute" })).toMatchObject({ status: "error" });
  });

  it("refuses an allow-listed command that resolves to no executable", async () => {
    const missing = "/nonexistent/mcp-server-binary";
    world = await machineToolsWorld({ exec: [missing] });
    await world.nest.mcp.add({ machine: world.machine.id, name: "missing", command: missing });
    await expect(world.nest.mcp.start({ machine: world.machine.id, name: "missing" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("allow-list"),
    });
  });

  it("answers MCP_002 for arguments the system cannot pass", async () => {
    world = await withNode();
    await addEcho("nul", { args: ["a\u0000b"] });
    await expect(world.nest.mcp.start({ machine: world.machine.id, name: "nul" })).rejects.toMatchObject({
      code: "MCP_002",
      message: expect.stringContaining("could not be started"),
    });
  });

  it("marks a running server as error when its process dies", async () => {
    world = await withNode();
    const started = await (async () => {
      await addEcho();
      return world.nest.mcp.start({ machine: world.machine.id, name: "echo" });
    })();
    process.kill(services().mcp.pid(started.id)!, "SIGKILL");
    await vi.waitFor(async () =>
      expect(await world.nest.mcp.get({ machine: world.machine.id, name: "echo" })).toMatchObject({
        status: "error",
        last_error: expect.stringContaining("SIGKILL"),
      }),
    );
    await expect(
      world.nest.mcp.execute({ machine: world.machine.id, name: "echo", tool: "echo" }),
    ).rejects.toMatchObject({ code: "MCP_003" });
    expect(await world.nest.mcp.start({ machine: world.machine.id, name: "echo" })).toMatchObject({
      status: "running",
    });
  });

  it("starts one process for two simultaneous starts", async () => {
    world = await withNode();
    const pidFile = join(mkdtempSync(join(tmpdir(), "echo-mcp-")), "pids");
    const added = await addEcho("echo", { env: { ECHO_PID_FILE: pidFile } });
    const at = { machine: world.machine.id, name: "echo" };
    const [a, b] = await Promise.all([world.nest.mcp.start(at), world.nest.mcp.start(at)]);
    expect([a.status, b.status]).toEqual(["running", "running"]);
    const pid = services().mcp.pid(added.id)!;
    expect(readFileSync(pidFile, "utf8")).toBe(`${pid}\n`);
    await world.nest.mcp.stop(at);
    expect(isAlive(pid)).toBe(false);
    rmSync(dirname(pidFile), { recursive: true });
  });

  it("stops the process when the server, its machine, or server-lite goes", async () => {
    world = await withNode();
    const pids: number[] = [];
    for (const [machine, name] of [
      [world.machine.id, "deleted"],
      [world.otherMachine.id, "machine-deleted"],
      [world.machine.id, "closed"],
    ] as const) {
      const added = await world.nest.mcp.add({ machine, name, command: process.execPath, args: [fixture] });
      await world.nest.mcp.start({ machine, name });
      pids.push(services().mcp.pid(added.id)!);
    }
    expect(pids.every(isAlive)).toBe(true);

    expect(await world.nest.mcp.remove({ machine: world.machine.id, name: "deleted" })).toBeNull();
    expect(isAlive(pids[0]!)).toBe(false);
    await expect(world.nest.mcp.get({ machine: world.machine.id, name: "deleted" })).rejects.toMatchObject({
      code: "MCP_001",
    });

    await world.nest.machines.remove({ id: world.otherMachine.id });
    expect(isAlive(pids[1]!)).toBe(false);
    expect(world.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_mcp_servers")!.n).toBe(1);

    await world.server.close();
    expect(isAlive(pids[2]!)).toBe(false);
  });

  it("lets a machine token run its own machine's servers only", async () => {
    world = await withNode();
    await addEcho();
    const at = { machine: world.machine.id, name: "echo" };
    expect(await world.agent.mcp.start(at)).toMatchObject({ status: "running" });
    expect(await world.agent.mcp.execute({ ...at, tool: "echo", parameters: { text: "hi" } })).toMatchObject({
      content: "echo: hi\ndone",
    });
    const other = { machine: world.otherMachine.id, name: "echo" };
    await world.nest.mcp.add({ ...other, command: process.execPath, args: [fixture] });
    for (const call of [
      () => world.agent.mcp.list({ machine: world.otherMachine.id }),
      () => world.agent.mcp.start(other),
      () => world.agent.mcp.allTools({ machine: world.otherMachine.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 404, code: "MCH_001" });
    }
  });

  it("hides other users' machines", async () => {
    world = await machineToolsWorld();
    const machine = world.strangerMachine.id;
    const anonymous = clientFor(world.server);
    await expect(world.nest.mcp.list({ machine })).rejects.toMatchObject({ status: 404, code: "MCH_001" });
    await expect(world.nest.mcp.allTools({ machine })).rejects.toMatchObject({ code: "MCH_001" });
    await expect(world.nest.mcp.add({ machine, name: "x", command: "npx" })).rejects.toMatchObject({
      code: "MCH_001",
    });
    await expect(anonymous.mcp.list({ machine })).rejects.toMatchObject({ status: 401, code: "AUTH_002" });
  });
});

describe("toolResult", () => {
  it("joins text items, else takes the first binary or resource item, else structured content", () => {
    expect(
      toolResult({
        content: [
          { type: "text", text: "a" },
          { type: "image", data: "x", mimeType: "image/png" },
        ],
      }),
    ).toEqual({ content: "a", mimeType: "text/plain" });
    expect(toolResult({ content: [{ type: "image", data: "iVBOR", mimeType: "image/png" }] })).toEqual({
      content: "iVBOR",
      mimeType: "image/png",
    });
    expect(
      toolResult({
        content: [{ type: "resource", resource: { uri: "file:///a.md", text: "# A", mimeType: "text/markdown" } }],
      }),
    ).toEqual({ content: "# A", mimeType: "text/markdown" });
    expect(toolResult({ content: [], structuredContent: { n: 1 } })).toEqual({
      content: '{"n":1}',
      mimeType: "application/json",
    });
    expect(toolResult({})).toEqual({ content: "", mimeType: "text/plain" });
  });
});
