/**
 * `createServer({ seed: true, seedAgent: true })` (`agentlane-server --seed --seed-agent`): the demo agent connects
 * for the seeded machine once the server listens, so the machine is online and a session on it answers what is typed.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LiteServer } from "../../../index.ts";
import { clientFor, startServer } from "../testing/test-support.ts";
import { DEMO_HOME } from "./demo-files.ts";
import { DEMO_PROMPT, DemoRepl } from "./demo-repl.ts";

let server: LiteServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function seededWithAgent() {
  server = await startServer({ seed: true, seedAgent: true, lite: true });
  await server.listen(0);
  const seed = server.seedInfo.claudenest!;
  return { server, seed, nest: clientFor(server, seed.token) };
}

/** Everything the session wrote, in order. */
async function outputOf(nest: ReturnType<typeof clientFor>, id: string): Promise<string> {
  return (await nest.sessions.logs({ id, type: "output" })).map((log) => log.data).join("");
}

describe("the seed agent", () => {
  it("brings the seeded machine online, and its sessions echo their input", async () => {
    const { server, seed, nest } = await seededWithAgent();
    expect(await nest.machines.get({ id: seed.machineId })).toMatchObject({ status: "online" });
    const lite = await (await server.fetch(new Request("http://lite.test/_lite/seed"))).json();
    expect(lite.claudenest).toMatchObject({ machineId: seed.machineId, machineToken: seed.machineToken });

    const { session } = await nest.sessions.create({ machine: seed.machineId });
    await vi.waitFor(async () => expect((await nest.sessions.get({ id: session.id })).status).toBe("running"));
    await nest.sessions.input({ id: session.id, data: "hello agent\r" });
    await vi.waitFor(async () => expect(await outputOf(nest, session.id)).toContain(`hello agent\r\n${DEMO_PROMPT}`));
    expect(await outputOf(nest, session.id)).toContain(`${DEMO_PROMPT}hello agent\r\nhello agent\r\n`);

    await nest.sessions.input({ id: session.id, data: "exit\r" });
    await vi.waitFor(async () => expect((await nest.sessions.get({ id: session.id })).status).not.toBe("running"));
  });

  // The web UI's folder picker and project wizard (FileBrowserController::browse, ProjectScanController::scan) work
  // against the demo machine: it lists and scans its home folder in memory, answering as the agent's file-handler.ts
  // and scan-handler.ts do, and refuses a path outside it (file-handler.ts 39-47).
  it("lists and scans its home folder in memory, never the host's", async () => {
    const { seed, nest } = await seededWithAgent();
    const home = await nest.machines.browse({ id: seed.machineId });
    expect(home).toMatchObject({ path: DEMO_HOME, home_path: DEMO_HOME });
    expect(home.entries.map((entry) => entry.name)).toEqual(["projects"]);
    const all = await nest.machines.browse({ id: seed.machineId, dirs_only: "false", show_hidden: "true" });
    expect(all.entries.map((entry) => `${entry.type}:${entry.name}`)).toEqual([
      "directory:projects",
      "file:.bashrc",
      "file:notes.md",
    ]);
    await expect(nest.machines.browse({ id: seed.machineId, path: "/etc" })).rejects.toMatchObject({
      code: "BROWSE_ERROR",
      message: expect.stringContaining("outside home directory"),
    });

    const app = `${DEMO_HOME}/projects/demo-app`;
    expect(await nest.projects.scan({ machine: seed.machineId, path: app })).toMatchObject({
      project_name: "demo-app",
      tech_stack: ["node", "typescript", "vite"],
      has_git: true,
      readme: expect.stringContaining("# demo-app"),
      structure: ["src/", "  main.ts", "package.json", "README.md", "tsconfig.json"],
    });
    await expect(nest.projects.scan({ machine: seed.machineId, path: `${app}/package.json` })).rejects.toMatchObject({
      code: "SCAN_ERROR",
      message: expect.stringContaining("Path is not a directory"),
    });
  });

  // A reset closes every agent socket (4001, a refusal the agent does not retry): the seed agent is started again.
  it("comes back after a reset that keeps the seed", async () => {
    const { server, seed, nest } = await seededWithAgent();
    await server.reset({ keepSeed: true });
    expect(await nest.machines.get({ id: seed.machineId })).toMatchObject({ status: "online" });
  });

  it("runs only when asked for, and only while listening", async () => {
    server = await startServer({ seed: true });
    await server.listen(0);
    const seed = server.seedInfo.claudenest!;
    expect(await clientFor(server, seed.token).machines.get({ id: seed.machineId })).toMatchObject({
      status: "offline",
    });
  });
});

describe("the demo session", () => {
  function repl() {
    const written: string[] = [];
    const exit = vi.fn();
    const session = new DemoRepl((data) => written.push(data), exit);
    return { session, exit, text: () => written.join("") };
  }

  it("echoes as a terminal does, answers its commands and ends on exit", () => {
    const { session, exit, text } = repl();
    session.start(null);
    session.type("ecx\x7fho  hi there\r\n");
    expect(text()).toContain(`${DEMO_PROMPT}ecx\b \bho  hi there\r\nhi there\r\n${DEMO_PROMPT}`);
    session.type("help\n");
    expect(text()).toContain("exit          end the session");
    session.type("exit\rignored");
    expect(exit).toHaveBeenCalledOnce();
    expect(text()).not.toContain("ignored");
  });

  it("takes an initial prompt as a first line typed", () => {
    const { session, text } = repl();
    session.start("fix the tests");
    expect(text()).toMatch(new RegExp(`${DEMO_PROMPT.replace("$", "\\$")}fix the tests\r\nfix the tests\r\n`));
  });
});
