/**
 * The agent's REST sync with its machine token, with the bodies ClaudeNest's agent sends
 * (QrCommunication/claudenest `packages/agent/src/sync/service.ts` and `src/api/client.ts`).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../index.ts";
import { agentCall } from "../testing/agent-rest.ts";
import { clientFor, newUser, startServer } from "../testing/test-support.ts";

let server: LiteServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

async function machine() {
  const owner = await newUser(server, "alice");
  const { machine, token } = await owner.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  return { owner, id: machine.id, token, agent: clientFor(server, token) };
}

/** A POST as the agent's RestApiClient sends it: bearer machine token, `X-Machine-ID`, JSON. */
const agentPost = (token: string, machineId: string, path: string, body: unknown) =>
  agentCall(server, { id: machineId, token }, "POST", path, body);

describe("the agent's sync", () => {
  // sync/service.ts syncSkills: `{name, description, path, version, category, config, tags}` per skill.
  it("upserts the skills it found at their path below the skills folder", async () => {
    const { owner, id, token } = await machine();
    const skills = [
      {
        name: "Review",
        description: "Reviews a change",
        path: "/home/dev/.claude/skills/review",
        version: "1.2.0",
        category: "quality",
        config: { model: "fast" },
        tags: [],
      },
      { name: "Team deploy", path: "/srv/app/.claude/skills/team/deploy", category: "ops", config: {}, tags: ["ci"] },
      { name: "Odd", path: "/home/dev/.claude/skills/has space", category: "misc" },
    ];
    const first = await agentPost(token, id, `/machines/${id}/skills/sync`, { skills });
    expect(first).toMatchObject({
      status: 200,
      body: { data: { synced: 2, skipped: ["/home/dev/.claude/skills/has space"] } },
    });
    const listed = await owner.nest.skills.list({ machine: id });
    expect(listed.map((skill) => skill.path).sort()).toEqual(["review", "team/deploy"]);
    const review = await owner.nest.skills.get({ machine: id, path: "review" });
    expect(review).toMatchObject({
      name: "Review",
      description: "Reviews a change",
      content: "",
      metadata: { model: "fast", category: "quality", version: "1.2.0" },
    });
    // A later sync updates the skill and keeps what the user wrote into it.
    await owner.nest.skills.update({ machine: id, path: "review", content: "# Review\nCheck the tests." });
    await agentPost(token, id, `/machines/${id}/skills/sync`, { skills: [{ ...skills[0], name: "Code review" }] });
    expect(await owner.nest.skills.get({ machine: id, path: "review" })).toMatchObject({
      name: "Code review",
      content: "# Review\nCheck the tests.",
    });
  });

  // sync/service.ts syncMCP: `{name, description, command, args, env, enabled, auto_start, status, tools: [{name,
  // description, parameters}]}` per server.
  it("upserts the MCP servers it found by name", async () => {
    const { owner, id, agent } = await machine();
    const result = await agent.machineSync.mcp({
      machine: id,
      servers: [
        {
          name: "files",
          description: "File access",
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-filesystem"],
          env: {},
          enabled: true,
          auto_start: true,
          status: "stopped",
          tools: [{ name: "read_file", description: "Reads a file", parameters: { type: "object" } }],
        },
      ],
    });
    expect(result).toEqual({ synced: 1, skipped: [] });
    expect(await owner.nest.mcp.get({ machine: id, name: "files" })).toMatchObject({
      command: "npx",
      args: ["-y", "@modelcontextprotocol/server-filesystem"],
      auto_start: true,
      status: "stopped",
    });
    expect(await owner.nest.mcp.tools({ machine: id, name: "files" })).toEqual([
      { name: "read_file", description: "Reads a file", parameters: { type: "object" } },
    ]);
  });

  it("refuses another machine's sync (MCH_001) and a malformed body (VAL_001), storing nothing", async () => {
    const { owner, id, token } = await machine();
    const other = await owner.nest.machines.register({ name: "other", platform: "linux", hostname: "other" });
    const foreign = await agentPost(token, id, `/machines/${other.machine.id}/mcp/sync`, { servers: [] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.code).toBe("MCH_001");
    const bad = await agentPost(token, id, `/machines/${id}/mcp/sync`, {
      servers: [{ name: "ok", command: "node" }, { name: "bad name!" }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe("VAL_001");
    expect(await owner.nest.mcp.list({ machine: id })).toEqual([]);
  });
});
