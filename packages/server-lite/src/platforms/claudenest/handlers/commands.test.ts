import type { RegisterCommandBody } from "@agentlane/sdk/claudenest/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../testing/test-doc-requests.ts";
import { type MachineToolsWorld, machineToolsWorld } from "../testing/test-machine-tools.ts";
import { shellWord } from "./commands.ts";

let world: MachineToolsWorld;
beforeEach(async () => {
  world = await machineToolsWorld();
});
afterEach(() => world.close());

const npm = (script: string, category = "build"): RegisterCommandBody => ({
  name: `npm run ${script}`,
  type: "npm",
  command: `npm run ${script}`,
  category,
});

/** Marks the machine online, as its agent does by calling the API with its machine token. */
const agentSeen = () => world.agent.machines.get({ id: world.machine.id });

describe("discovered commands", () => {
  it("registers a command and gets it", async () => {
    const created = await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    expect(created).toMatchObject({ ...migrate, id: expect.any(String), created_at: expect.any(String) });
    expect(await world.nest.commands.get({ machine: world.machine.id, id: created.id })).toEqual(created);
    const minimal = await world.nest.commands.register({ machine: world.machine.id, ...npm("dev") });
    expect(minimal).toMatchObject({ description: null, is_dangerous: false, arguments: [], options: [] });
  });

  it("refuses a second command with the same command text on one machine", async () => {
    await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    await expect(
      world.nest.commands.register({ machine: world.machine.id, ...migrate, name: "again" }),
    ).rejects.toMatchObject({ status: 422, code: "VAL_001", details: { command: expect.any(Array) } });
    await expect(world.nest.commands.register({ machine: world.otherMachine.id, ...migrate })).resolves.toMatchObject({
      command: migrate.command,
    });
  });

  it("lists 50 per page by default, ordered by name, and pages through all", async () => {
    const commands = Array.from({ length: 55 }, (_, i) => npm(`task-${String(i).padStart(2, "0")}`));
    expect(await world.nest.commands.bulk({ machine: world.machine.id, commands })).toEqual({
      registered: 55,
      skipped: 0,
    });
    const first = await world.nest.commands.list({ machine: world.machine.id }).withResponse();
    expect(first.data).toHaveLength(50);
    expect(first.meta.pagination).toEqual({ page: 1, lastPage: 2, perPage: 50, total: 55 });
    expect(first.data[0]!.name).toBe("npm run task-00");
    const all = [];
    for await (const command of world.nest.commands.list({ machine: world.machine.id, per_page: 20 }))
      all.push(command);
    expect(all.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    await expect(world.nest.commands.list({ machine: world.machine.id, per_page: 500 })).rejects.toMatchObject({
      code: "VAL_001",
    });
  });

  it("searches name, description, command and category, ignoring case", async () => {
    await world.nest.commands.bulk({
      machine: world.machine.id,
      commands: [
        migrate,
        npm("build"),
        { ...npm("lint", "quality"), description: "Check the DATABASE-free code" },
        { name: "deploy", type: "shell", command: "./scripts/ship.sh", category: "release" },
        { name: "percent", type: "shell", command: "echo 100%" },
      ],
    });
    const search = async (q: string) =>
      (await world.nest.commands.search({ machine: world.machine.id, q })).map((c) => c.name);
    expect(await search("Database")).toEqual(["npm run lint", "php artisan migrate"]);
    expect(await search("ship")).toEqual(["deploy"]);
    expect(await search("RELEASE")).toEqual(["deploy"]);
    expect(await search("%")).toEqual(["percent"]);
    expect(await search("nothing-like-this")).toEqual([]);
    await expect(world.nest.commands.search({ machine: world.machine.id, q: "" })).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      details: { q: expect.any(Array) },
    });
  });

  it("answers /commands/search with the search, not as a command id", async () => {
    const response = await world.server.fetch(
      new Request(`http://lite.test/claudenest/api/machines/${world.machine.id}/commands/search`, {
        headers: { authorization: `Bearer ${(await world.nest.auth.createToken({ name: "raw" })).token}` },
      }),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "VAL_001", errors: { q: expect.any(Array) } } });
  });

  it("bulk-registers, skipping commands already known and repeated ones", async () => {
    await world.nest.commands.register({ machine: world.machine.id, ...npm("build") });
    const result = await world.nest.commands.bulk({
      machine: world.machine.id,
      commands: [npm("dev"), npm("build"), npm("dev"), npm("test")],
    });
    expect(result).toEqual({ registered: 2, skipped: 2 });
    expect((await world.nest.commands.list({ machine: world.machine.id })).map((c) => c.name)).toEqual([
      "npm run build",
      "npm run dev",
      "npm run test",
    ]);
    await expect(
      world.nest.commands.bulk({ machine: world.machine.id, commands: [npm("x"), { name: "bad" } as never] }),
    ).rejects.toMatchObject({
      code: "VAL_001",
      // Neither the document's item nor the agent's: the message names both, then what the document's lacks.
      details: {
        "commands.1": [expect.stringMatching(/\{name, type, command\}.*; type: required; command: required/)],
      },
    });
    expect(await world.nest.commands.list({ machine: world.machine.id })).toHaveLength(3);
  });

  it("queues an execution with the command line the agent will run", async () => {
    const command = await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    await agentSeen();
    const execution = await world.nest.commands.execute({
      machine: world.machine.id,
      id: command.id,
      arguments: ["my db"],
      options: ["--force", "--step=2"],
      cwd: "/home/user/project",
    });
    expect(execution).toEqual({
      execution_id: expect.any(String),
      status: "queued",
      command: "php artisan migrate 'my db' --force --step=2",
      queued_at: expect.any(String),
    });
    const stored = world.server.db.get<{ command_line: string; cwd: string; status: string; command_id: string }>(
      "SELECT * FROM cn_command_executions WHERE id = ?",
      execution.execution_id,
    );
    expect(stored).toMatchObject({
      command_line: execution.command,
      cwd: "/home/user/project",
      status: "queued",
      command_id: command.id,
    });
    const plain = await world.agent.commands.execute({ machine: world.machine.id, id: command.id });
    expect(plain.command).toBe("php artisan migrate");
  });

  it("refuses options the command does not declare", async () => {
    const command = await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    await agentSeen();
    await expect(
      world.nest.commands.execute({ machine: world.machine.id, id: command.id, options: ["--force", "--pretend"] }),
    ).rejects.toMatchObject({ status: 422, code: "VAL_001", details: { "options.1": expect.any(Array) } });
    expect(world.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_command_executions")!.n).toBe(0);
  });

  it("answers MCH_002 (400, the caller's state) when the machine is offline, and queues nothing", async () => {
    const command = await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    const execute = () => world.nest.commands.execute({ machine: world.machine.id, id: command.id });
    await expect(execute()).rejects.toMatchObject({ status: 400, code: "MCH_002" });
    await agentSeen();
    await expect(execute()).resolves.toMatchObject({ status: "queued" });
    world.server.clock.advance(6 * 60 * 1000);
    await expect(execute()).rejects.toMatchObject({ code: "MCH_002" });
    expect(world.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_command_executions")!.n).toBe(1);
  });

  it("deletes one command, and clears them all", async () => {
    const command = await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    expect(await world.nest.commands.remove({ machine: world.machine.id, id: command.id })).toBeNull();
    for (const call of [
      () => world.nest.commands.get({ machine: world.machine.id, id: command.id }),
      () => world.nest.commands.remove({ machine: world.machine.id, id: command.id }),
      () => world.nest.commands.execute({ machine: world.machine.id, id: command.id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 404, code: "CMD_001" });
    }
    await world.nest.commands.bulk({ machine: world.machine.id, commands: [npm("a"), npm("b"), npm("c")] });
    await world.nest.commands.register({ machine: world.otherMachine.id, ...npm("kept") });
    expect(await world.nest.commands.clear({ machine: world.machine.id })).toEqual({ deleted: 3 });
    expect(await world.nest.commands.list({ machine: world.machine.id })).toEqual([]);
    expect(await world.nest.commands.list({ machine: world.otherMachine.id })).toHaveLength(1);
  });

  it("keeps a command on its machine: another machine's id is CMD_001", async () => {
    const elsewhere = await world.nest.commands.register({ machine: world.otherMachine.id, ...migrate });
    await expect(world.nest.commands.get({ machine: world.machine.id, id: elsewhere.id })).rejects.toMatchObject({
      code: "CMD_001",
    });
  });

  it("lets a machine token use its own machine only", async () => {
    const created = await world.agent.commands.register({ machine: world.machine.id, ...migrate });
    expect(await world.agent.commands.get({ machine: world.machine.id, id: created.id })).toEqual(created);
    await expect(world.agent.commands.list({ machine: world.otherMachine.id })).rejects.toMatchObject({
      status: 404,
      code: "MCH_001",
    });
    await expect(world.agent.commands.clear({ machine: world.otherMachine.id })).rejects.toMatchObject({
      code: "MCH_001",
    });
  });

  it("hides other users' machines", async () => {
    const machine = world.strangerMachine.id;
    await expect(world.nest.commands.list({ machine })).rejects.toMatchObject({ status: 404, code: "MCH_001" });
    await expect(world.nest.commands.search({ machine, q: "x" })).rejects.toMatchObject({ code: "MCH_001" });
    await expect(world.nest.commands.register({ machine, ...migrate })).rejects.toMatchObject({ code: "MCH_001" });
    await expect(world.nest.commands.clear({ machine })).rejects.toMatchObject({ code: "MCH_001" });
  });

  it("goes with its machine, executions included", async () => {
    const command = await world.nest.commands.register({ machine: world.machine.id, ...migrate });
    await agentSeen();
    await world.nest.commands.execute({ machine: world.machine.id, id: command.id });
    await world.nest.machines.remove({ id: world.machine.id });
    for (const table of ["cn_commands", "cn_command_executions"])
      expect(world.server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n).toBe(0);
  });
});

describe("shellWord", () => {
  it("leaves plain words alone and quotes the rest for a POSIX shell", () => {
    expect(shellWord("--step=2")).toBe("--step=2");
    expect(shellWord("src/app.ts")).toBe("src/app.ts");
    expect(shellWord("a b")).toBe("'a b'");
    expect(shellWord("it's; rm -rf /")).toBe(`'it'\\''s; rm -rf /'`);
    expect(shellWord("")).toBe("''");
  });
});
