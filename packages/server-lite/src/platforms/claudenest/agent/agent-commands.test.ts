/**
 * Commands executed on a machine whose agent is connected go to the agent. The agent is a fake built on the SDK's
 * agent client; the message is the one ClaudeNest's own server sends (QrCommunication/claudenest
 * `packages/server/app/Http/Controllers/Api/CommandsController.php` 954-963, `execute`).
 */
import { describe, expect, it } from "vitest";
import { agentTestServer } from "../testing/fake-agent.ts";
import { newUser } from "../testing/test-support.ts";

const world = agentTestServer();

async function setup() {
  const user = await newUser(world.server, "alice");
  const { machine, token } = await user.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  const agent = await world.connect({ id: machine.id, token });
  const command = await user.nest.commands.register({
    machine: machine.id,
    name: "deploy",
    type: "shell",
    command: "./deploy.sh",
    options: ["--force"],
  });
  return { user, machine, agent, command };
}

const statusOf = (executionId: string) =>
  world.server.db.get<{ status: string }>("SELECT status FROM cn_command_executions WHERE id = ?", executionId)?.status;

describe("commands on the agent's machine", () => {
  // CommandsController.php 957-963: MachineCommand::dispatch($machine_id, 'commands:execute', ['command_name',
  // 'command_path', 'args', 'options', 'request_id']).
  it("sends commands:execute to the agent, with the command line built", async () => {
    const { user, machine, agent, command } = await setup();
    const sent = agent.next("commands:execute");
    const execution = await user.nest.commands.execute({
      machine: machine.id,
      id: command.id,
      arguments: ["staging env"],
      options: ["--force"],
      cwd: "/srv/app",
    });
    expect(execution).toMatchObject({ status: "queued", command: "./deploy.sh 'staging env' --force" });
    expect((await sent).payload).toEqual({
      command_name: "deploy",
      command_path: null,
      args: ["staging env"],
      options: ["--force"],
      request_id: execution.execution_id,
      command: "./deploy.sh 'staging env' --force",
      cwd: "/srv/app",
    });
    expect(statusOf(execution.execution_id)).toBe("sent");
  });

  // packages/agent/src/agent.ts 459-465: a handler that fails answers `error {originalType, message}`; the
  // execution it names in request_id fails.
  it("marks the execution failed when the agent answers an error about it", async () => {
    const { user, machine, agent, command } = await setup();
    agent.connection.handle("commands:execute", ({ request_id }) => {
      agent.connection.send("error", { originalType: "commands:execute", request_id, message: "deploy.sh: not found" });
    });
    const execution = await user.nest.commands.execute({ machine: machine.id, id: command.id });
    await expect.poll(() => statusOf(execution.execution_id)).toBe("failed");
  });

  it("refuses a command of a machine whose agent left, and never lets an agent fail another machine's", async () => {
    const { user, machine, agent, command } = await setup();
    agent.connection.close();
    await expect.poll(async () => (await user.nest.machines.get({ id: machine.id })).status).toBe("offline");
    const other = await user.nest.machines.register({ name: "two", platform: "linux", hostname: "two" });
    const otherAgent = await world.connect({ id: other.machine.id, token: other.token });
    // The first machine's agent left, so it is offline: nothing is queued or sent.
    await expect(user.nest.commands.execute({ machine: machine.id, id: command.id })).rejects.toMatchObject({
      code: "MCH_002",
    });
    const queued = world.server.db.get<{ id: string }>("SELECT id FROM cn_command_executions LIMIT 1");
    expect(queued).toBeUndefined();
    const theirs = await user.nest.commands.register({
      machine: other.machine.id,
      name: "t",
      type: "npm",
      command: "npm t",
    });
    const sent = otherAgent.next("commands:execute");
    const execution = await user.nest.commands.execute({ machine: other.machine.id, id: theirs.id });
    await sent;
    otherAgent.connection.send("error", { originalType: "commands:execute", request_id: "someone-else", message: "x" });
    const pong = otherAgent.next("pong");
    otherAgent.connection.send("ping", { timestamp: Date.now() });
    await pong;
    expect(statusOf(execution.execution_id)).toBe("sent");
  });
});
