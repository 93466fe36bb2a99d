/**
 * Caps on live processes: one user cannot fill the machine with PTYs and MCP servers, and neither can all users
 * together; a refused start is RTE_001 (429) and leaves nothing behind.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer, type ServerOptions } from "../../../index.ts";
import { clientFor, newUser, onlineMachine } from "../testing/test-support.ts";

const servers: LiteServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: ServerOptions) {
  const server = await createServer({ exec: ["bash"], ...options });
  servers.push(server);
  return server;
}

describe("process caps", () => {
  it("refuses a user's process past processesPerUser with RTE_001, and allows it once one ends", async () => {
    const server = await start({ limits: { processesPerUser: 1 } });
    const { nest } = await newUser(server);
    const machine = await onlineMachine(server, nest);
    const { session } = await nest.sessions.create({ machine: machine.id });
    const refused = nest.sessions.create({ machine: machine.id });
    await expect(refused).rejects.toMatchObject({
      status: 429,
      code: "RTE_001",
      message: expect.stringContaining("at most 1"),
    });
    expect(await nest.sessions.list({ machine: machine.id })).toHaveLength(1);
    await nest.sessions.remove({ id: session.id });
    await expect(nest.sessions.create({ machine: machine.id }, { retry: 0 })).resolves.toBeTruthy();
  });

  it("counts every user's processes against the server's total", async () => {
    const server = await start({ limits: { processesPerUser: 5, processes: 1 } });
    const first = await newUser(server, "first");
    const second = await newUser(server, "second");
    await first.nest.sessions.create({ machine: (await onlineMachine(server, first.nest)).id });
    const other = await onlineMachine(server, second.nest);
    await expect(clientFor(server, second.token).sessions.create({ machine: other.id })).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining("This server runs at most 1"),
    });
  });
});
