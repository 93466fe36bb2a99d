/**
 * API calls answered by the machine's connected agent, as ClaudeNest's own server answers them
 * (QrCommunication/claudenest `packages/server/app/Http/Controllers/Api/FileBrowserController.php` and
 * `ProjectScanController.php`, over `app/Services/AgentGateway.php` `sendAndWait`). The agent is a fake built on the
 * SDK's agent client, answering as ClaudeNest's agent does (`packages/agent/src/handlers/file-handler.ts`,
 * `scan-handler.ts`).
 */
import { describe, expect, it } from "vitest";
import { agentTestServer } from "../testing/fake-agent.ts";
import { newUser } from "../testing/test-support.ts";

const world = agentTestServer();

async function setup() {
  const user = await newUser(world.server, "alice");
  const { machine, token } = await user.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  const agent = await world.connect({ id: machine.id, token });
  return { user, machine, agent };
}

const home = "/home/alice";

describe("browsing a folder of a machine whose agent is connected", () => {
  // FileBrowserController.php 29-37: `file:browse {path, dirsOnly, showHidden, requestId}` (dirs_only defaults to
  // true, show_hidden to false); 54-62: the answer is the agent's path, homePath and entries.
  // file-handler.ts 80-85: the agent answers `file:browse_result {requestId, path, homePath, entries}`.
  it("asks the agent and answers what it lists", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("file:browse", ({ requestId, path }) => {
      agent.connection.send("file:browse_result", {
        requestId,
        path: path || home,
        homePath: home,
        entries: [
          { name: "projects", type: "directory", size: 4096, modifiedAt: "2026-01-02T03:04:05.000Z" },
          { name: "notes", type: "directory" },
        ],
      });
    });
    const listed = await user.nest.machines.browse({ id: machine.id });
    expect(listed).toEqual({
      path: home,
      home_path: home,
      entries: [
        { name: "projects", type: "directory", size: 4096, modifiedAt: "2026-01-02T03:04:05.000Z" },
        { name: "notes", type: "directory" },
      ],
    });
    const asked = agent.frames.find((frame) => frame.type === "file:browse")?.payload;
    expect(asked).toEqual({ path: "", dirsOnly: true, showHidden: false, requestId: expect.any(String) });

    await user.nest.machines.browse({ id: machine.id, path: `${home}/projects`, dirs_only: "0", show_hidden: "1" });
    expect(agent.frames.filter((frame) => frame.type === "file:browse")[1]?.payload).toMatchObject({
      path: `${home}/projects`,
      dirsOnly: false,
      showHidden: true,
    });
  });

  // file-handler.ts 39-47: a path outside the home folder is answered with an `error`; FileBrowserController.php
  // 47-52: an answer with an error is BROWSE_ERROR (422) with the agent's message. agent.ts 459-465: a handler that
  // throws is answered `error {originalType, message}`.
  it("answers BROWSE_ERROR with the agent's words when it cannot list the folder", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("file:browse", ({ requestId, path }) => {
      if (path === "/etc")
        agent.connection.send("file:browse_result", {
          requestId,
          path,
          homePath: home,
          entries: [],
          error: "Access denied: path is outside home directory",
        });
      else agent.connection.send("error", { originalType: "file:browse", message: "EACCES: permission denied" });
    });
    await expect(user.nest.machines.browse({ id: machine.id, path: "/etc" })).rejects.toMatchObject({
      status: 422,
      code: "BROWSE_ERROR",
      message: expect.stringContaining("Access denied: path is outside home directory"),
    });
    await expect(user.nest.machines.browse({ id: machine.id, path: `${home}/secret` })).rejects.toMatchObject({
      status: 422,
      code: "BROWSE_ERROR",
      message: expect.stringContaining("EACCES: permission denied"),
    });
  });

  // FileBrowserController.php 33-45: the server waits 5 seconds for the answer, then answers AGENT_TIMEOUT (504).
  // AgentServe.php 522-530: an answer nobody waits for any more is dropped.
  it("answers AGENT_TIMEOUT when the agent stays silent for 5 seconds, and drops its late answer", async () => {
    const { user, machine, agent } = await setup();
    const listing = user.nest.machines.browse({ id: machine.id });
    const asked = await agent.next("file:browse");
    world.server.clock.advance(5_000);
    await expect(listing).rejects.toMatchObject({ status: 504, code: "AGENT_TIMEOUT" });

    const { requestId } = asked.payload as { requestId: string };
    const seen = agent.frames.length;
    agent.connection.send("file:browse_result", { requestId, path: home, homePath: home, entries: [] });
    agent.connection.send("ping", { timestamp: 1 });
    await agent.next("pong", seen);
    expect(agent.frames.slice(seen).map((frame) => frame.type)).toEqual(["pong"]);
  });

  // A machine whose agent leaves before answering is no longer online (AgentServe marks it offline on close).
  it("answers MACHINE_OFFLINE when the agent leaves before answering", async () => {
    const { user, machine, agent } = await setup();
    const listing = user.nest.machines.browse({ id: machine.id });
    await agent.next("file:browse");
    agent.connection.close();
    await expect(listing).rejects.toMatchObject({ status: 422, code: "MACHINE_OFFLINE" });
  });
});

describe("scanning a project folder", () => {
  // ProjectScanController.php 32-34: `project:scan {path, requestId}`; 48-56: the answer maps projectName, techStack,
  // hasGit, readme and structure to snake_case. scan-handler.ts 197-207: the agent's `project:scan_result`.
  it("asks the machine's agent and answers what it found", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("project:scan", ({ requestId, path }) => {
      agent.connection.send("project:scan_result", {
        requestId,
        projectName: path.split("/").pop() ?? "",
        techStack: ["node", "typescript"],
        hasGit: true,
        readme: "# App",
        structure: ["src/", "  index.ts", "package.json"],
      });
    });
    const found = await user.nest.projects.scan({ machine: machine.id, path: `${home}/app` });
    expect(found).toEqual({
      project_name: "app",
      tech_stack: ["node", "typescript"],
      has_git: true,
      readme: "# App",
      structure: ["src/", "  index.ts", "package.json"],
    });
    expect(agent.frames.find((frame) => frame.type === "project:scan")?.payload).toEqual({
      path: `${home}/app`,
      requestId: expect.any(String),
    });
  });

  // scan-handler.ts 174-185: a path that is not a folder is answered with an `error`; ProjectScanController.php 44-46:
  // SCAN_ERROR (422) with it. 35-41: 30 seconds without an answer is AGENT_TIMEOUT (504).
  it("answers SCAN_ERROR with the agent's words, and AGENT_TIMEOUT after 30 silent seconds", async () => {
    const { user, machine, agent } = await setup();
    agent.connection.handle("project:scan", ({ requestId, path }) => {
      if (path.endsWith(".txt"))
        agent.connection.send("project:scan_result", {
          requestId,
          projectName: "",
          techStack: [],
          hasGit: false,
          readme: null,
          structure: [],
          error: "Path is not a directory",
        });
    });
    await expect(user.nest.projects.scan({ machine: machine.id, path: `${home}/a.txt` })).rejects.toMatchObject({
      status: 422,
      code: "SCAN_ERROR",
      message: expect.stringContaining("Path is not a directory"),
    });
    const scanning = user.nest.projects.scan({ machine: machine.id, path: `${home}/big` });
    await agent.next("project:scan");
    world.server.clock.advance(30_000);
    await expect(scanning).rejects.toMatchObject({ status: 504, code: "AGENT_TIMEOUT" });
  });

  // ProjectScanController.php 24-26: a machine that is not online is MACHINE_OFFLINE (422); 28-30: `path` is required.
  it("answers MACHINE_OFFLINE without a connected agent, and VAL_001 without a path", async () => {
    const { user, machine, agent } = await setup();
    await expect(
      user.nest.projects.scan({ machine: machine.id, path: "" } as { machine: string; path: string }),
    ).rejects.toMatchObject({ status: 422, code: "VAL_001" });
    agent.connection.close();
    await expect.poll(async () => (await user.nest.machines.get({ id: machine.id })).status).toBe("offline");
    await expect(user.nest.projects.scan({ machine: machine.id, path: `${home}/app` })).rejects.toMatchObject({
      status: 422,
      code: "MACHINE_OFFLINE",
    });
  });
});
