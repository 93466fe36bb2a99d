import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startUiServer, type UiServer } from "./ui-server.ts";

// The routes ClaudeNest's web UI calls that the document does not list, with real data, as the real server's
// controllers answer them (each test names the controller and the UI file that reads it).
let ui: UiServer;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await ui.server.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("GET /dashboard/stats (DashboardController::stats; services/dashboard.ts)", () => {
  it("counts the caller's machines, sessions, projects, tasks, locks and context from the store", async () => {
    ui = await startUiServer();
    const project = await ui.nest.projects.create({ machine: ui.machineId, name: "App", project_path: "/srv/app" });
    const task = await ui.nest.tasks.create({ project: project.id, title: "One" });
    await ui.nest.tasks.create({ project: project.id, title: "Two" });
    await ui.nest.tasks.claim({ id: task.id, instance_id: "web" });
    await ui.nest.tasks.complete({ id: task.id, summary: "Done" });
    await ui.nest.locks.acquire({ project: project.id, path: "a.ts", instance_id: "web" });
    await ui.nest.context.addChunk({ project: project.id, content: "Uses Pratt parsing.", type: "decision" });
    await ui.nest.sessions.create({ machine: ui.machineId });
    const { status, body } = await ui.api("GET", "/dashboard/stats");
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      machines: { total: 1, online: 1 },
      sessions: { active: 0, total_today: 1 },
      projects: { total: 1, active: 1 },
      tasks: { pending: 1, in_progress: 0, done_today: 1 },
      tokens: { total: 0, today: 0 },
      cost: { total: 0, today: 0 },
      locks: { active: 1 },
      context_chunks: { total: 1 },
    });
    expect(body.data.activity_24h).toBeGreaterThanOrEqual(4);
    expect(body.data.sparklines.sessions_7d).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(body.data.sparklines.activity_7d.at(-1)).toBe(body.data.activity_24h);
  });
});

describe("/credentials (CredentialController; the layout lists them on every page)", () => {
  it("stores credentials per user, answers only a masked key, and keeps one default", async () => {
    ui = await startUiServer();
    expect((await ui.api("GET", "/credentials")).body.data).toEqual([]);
    const work = await ui.api("POST", "/credentials", {
      name: "work",
      auth_type: "api_key",
      api_key: "sk-ant-api03-SECRETabc123",
    });
    expect(work.status).toBe(201);
    expect(work.body.data).toMatchObject({
      name: "work",
      is_default: true,
      masked_key: "sk-ant-...abc123",
      token_status: "ok",
    });
    expect(JSON.stringify(work.body)).not.toContain("SECRET");
    const oauth = await ui.api("POST", "/credentials", { name: "max-plan", auth_type: "oauth" });
    expect(oauth.body.data).toMatchObject({ is_default: false, token_status: "needs_login", masked_key: null });
    const duplicate = await ui.api("POST", "/credentials", { name: "work", auth_type: "oauth" });
    expect(duplicate).toMatchObject({ status: 409, body: { success: false, error: { code: "DUPLICATE_NAME" } } });
    const missingKey = await ui.api("POST", "/credentials", { name: "nokey", auth_type: "api_key" });
    expect(missingKey).toMatchObject({
      status: 422,
      body: { error: { code: "VAL_001", errors: { api_key: expect.any(Array) } } },
    });
    // Another user sees none of them and cannot touch them.
    const eve = await ui.nest.auth.register({
      name: "Eve",
      email: `eve-${Date.now()}@example.test`,
      password: "correct horse battery",
      password_confirmation: "correct horse battery",
    });
    expect((await ui.api("GET", "/credentials", undefined, eve.token)).body.data).toEqual([]);
    expect((await ui.api("DELETE", `/credentials/${work.body.data.id}`, undefined, eve.token)).status).toBe(404);
    // Deleting the default makes the oldest remaining one the default.
    expect((await ui.api("DELETE", `/credentials/${work.body.data.id}`)).body.data).toEqual({ deleted: true });
    expect((await ui.api("GET", "/credentials")).body.data).toEqual([
      expect.objectContaining({ name: "max-plan", is_default: true }),
    ]);
  });
});

describe("GET /machines/{id}/browse (FileBrowserController::browse; components/sessions/RemoteFileTree.vue)", () => {
  async function root(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "agentlane-browse-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, "projects", "app"), { recursive: true });
    await mkdir(join(dir, ".cache"));
    await writeFile(join(dir, "notes.txt"), "hello");
    await symlink(tmpdir(), join(dir, "escape"));
    return dir;
  }

  it("lists folders below the configured root, folders first, hidden ones only when asked", async () => {
    const dir = await root();
    ui = await startUiServer({ platformOptions: { claudenest: { browseRoot: dir } } });
    const home = await ui.api("GET", `/machines/${ui.machineId}/browse?dirs_only=true`);
    expect(home.body.data.home_path).toBe(home.body.data.path);
    // `escape`, a link, is no folder to the agent's listing (`file-handler.ts`: `dirent.isDirectory()`).
    expect(home.body.data.entries.map((e: { name: string }) => e.name)).toEqual(["projects"]);
    const all = await ui.api("GET", `/machines/${ui.machineId}/browse?dirs_only=false&show_hidden=true`);
    expect(all.body.data.entries.map((e: { name: string; type: string }) => `${e.type} ${e.name}`)).toEqual([
      "directory .cache",
      "directory projects",
      "file escape",
      "file notes.txt",
    ]);
    expect(all.body.data.entries.at(-1)).toMatchObject({ size: 5, modifiedAt: expect.any(String) });
    const projects = await ui.api(
      "GET",
      `/machines/${ui.machineId}/browse?path=${encodeURIComponent(join(home.body.data.path, "projects"))}`,
    );
    expect(projects.body.data.entries).toEqual([expect.objectContaining({ name: "app", type: "directory" })]);
  });

  it("refuses paths outside the root, through links too, and an offline machine", async () => {
    const dir = await root();
    ui = await startUiServer({ platformOptions: { claudenest: { browseRoot: dir } } });
    for (const path of ["/", join(dir, ".."), join(dir, "escape"), "relative/path", join(dir, "missing")]) {
      const { status, body } = await ui.api("GET", `/machines/${ui.machineId}/browse?path=${encodeURIComponent(path)}`);
      expect([path, status, body.error.code]).toEqual([path, 422, "BROWSE_ERROR"]);
    }
    const { machine } = await ui.nest.machines.register({ name: "off", platform: "linux", hostname: "off" });
    const offline = await ui.api("GET", `/machines/${machine.id}/browse`);
    expect(offline).toMatchObject({ status: 422, body: { error: { code: "MACHINE_OFFLINE" } } });
  });
});

describe("a project's orchestration (ProjectController::orchestratorStatus, InstanceController::orchestrationStats)", () => {
  it("reports the workers and the task counts from the store", async () => {
    ui = await startUiServer();
    const project = await ui.nest.projects.create({ machine: ui.machineId, name: "App", project_path: "/srv/app" });
    const task = await ui.nest.tasks.create({ project: project.id, title: "One" });
    await ui.nest.tasks.create({ project: project.id, title: "Two" });
    await ui.nest.tasks.claim({ id: task.id, instance_id: "web" });
    const status = await ui.api("GET", `/projects/${project.id}/orchestrator/status`);
    expect(status.body.data).toEqual({
      status: "idle",
      workers: [{ id: "web", status: "busy", current_task_id: task.id }],
      pendingTasks: 1,
      completedTasks: 0,
    });
    const stats = await ui.api("GET", `/projects/${project.id}/orchestration-stats`);
    expect(stats.body.data).toEqual({
      instances: { total: 1, idle: 0, busy: 1, active: 0 },
      tasks: { pending: 1, in_progress: 1, completed: 0, blocked: 0 },
      total_tasks_completed: 0,
    });
  });
});

describe("/docs and /openapi.json", () => {
  it("mark each route beyond the document, with the real server's code it follows", async () => {
    ui = await startUiServer();
    const docs = await (await ui.server.fetch(new Request(`${ui.origin}/docs/endpoints`))).text();
    expect(docs).toContain("<strong>Beyond the document</strong>: ClaudeNest's own server, DashboardController::stats");
    expect(docs.match(/Beyond the document/g)).toHaveLength(18);
    const openapi = await (await ui.server.fetch(new Request(`${ui.origin}/openapi.json`))).json();
    expect(openapi.paths["/api/tasks/claim-next"]).toBeUndefined();
    expect(openapi.paths["/api/projects/{project}/tasks/claim-next"].post["x-beyond-document"]).toContain("claimNext");
  });
});
