/**
 * `POST /machines/{machine}/projects/scan` for an online machine without a connected agent: server-lite scans its own
 * disk below the browse root, as it lists it, finding what ClaudeNest's agent finds (QrCommunication/claudenest
 * `packages/agent/src/handlers/scan-handler.ts`: the folder's name, manifests and their dependencies, `.git`, the
 * README, entries two levels deep without hidden ones or dependencies).
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../../index.ts";
import { newUser, onlineMachine, startServer } from "../../testing/test-support.ts";

let server: LiteServer | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await server?.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A browse root holding a project `app`, and a secret outside the root that a link in the project points at. */
async function disk() {
  const outside = await mkdtemp(join(tmpdir(), "agentlane-outside-"));
  const root = await mkdtemp(join(tmpdir(), "agentlane-scan-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  cleanups.push(() => rm(outside, { recursive: true, force: true }));
  const app = join(root, "app");
  for (const folder of [".git", "node_modules/react", "src/parser/deep/deeper"])
    await mkdir(join(app, folder), { recursive: true });
  await writeFile(join(app, "package.json"), JSON.stringify({ dependencies: { react: "19" }, devDependencies: {} }));
  await writeFile(join(app, "Dockerfile"), "FROM node:24\n");
  await writeFile(join(app, "README.md"), `# App\n${"x".repeat(6000)}`);
  await writeFile(join(app, "src/parser/deep/deeper/far.ts"), "");
  await writeFile(join(outside, "secret.md"), "top secret");
  await mkdir(join(root, "linked"));
  await symlink(join(outside, "secret.md"), join(root, "linked", "README.md"));
  server = await startServer({ platformOptions: { claudenest: { browseRoot: root } } });
  const { nest } = await newUser(server, "alice");
  const machine = await onlineMachine(server, nest);
  return { root, app, nest, machine };
}

describe("scanning a project on server-lite's own disk", () => {
  it("finds the folder's name, stack, git, README and structure", async () => {
    const { app, nest, machine } = await disk();
    const found = await nest.projects.scan({ machine: machine.id, path: app });
    expect(found).toMatchObject({ project_name: "app", tech_stack: ["node", "docker", "react"], has_git: true });
    // scan-handler.ts readReadme: cut after 5000 characters.
    expect(found.readme?.startsWith("# App\nxxx")).toBe(true);
    expect(found.readme).toHaveLength(5000 + "\n\n[...truncated]".length);
    // getDirectoryStructure: folders first, two levels below the project, no hidden folders or node_modules.
    expect(found.structure).toEqual(["src/", "  parser/", "    deep/", "Dockerfile", "package.json", "README.md"]);
  });

  it("reads nothing outside the root, and refuses what is no folder in it", async () => {
    const { root, app, nest, machine } = await disk();
    const linked = await nest.projects.scan({ machine: machine.id, path: join(root, "linked") });
    expect(linked).toMatchObject({ project_name: "linked", readme: null, structure: ["README.md"] });
    for (const path of [join(root, ".."), join(app, "package.json"), join(root, "missing"), "relative"])
      await expect(nest.projects.scan({ machine: machine.id, path }), path).rejects.toMatchObject({
        status: 422,
        code: "SCAN_ERROR",
      });
    const { machine: off } = await nest.machines.register({ name: "off", platform: "linux", hostname: "off" });
    await expect(nest.projects.scan({ machine: off.id, path: app })).rejects.toMatchObject({
      status: 422,
      code: "MACHINE_OFFLINE",
    });
  });
});
