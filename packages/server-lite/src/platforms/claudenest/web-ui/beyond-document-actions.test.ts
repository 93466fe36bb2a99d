import { afterEach, describe, expect, it } from "vitest";
import { startUiServer, type UiServer } from "./ui-server.ts";

// The credential and orchestrator actions of ClaudeNest's web UI that the document does not list, as its stores call
// them and its pages read the answers (QrCommunication/claudenest, packages/server/resources/js).
let ui: UiServer;
afterEach(async () => {
  await ui.server.close();
});

async function anotherUser(): Promise<string> {
  const eve = await ui.nest.auth.register({
    name: "Eve",
    email: `eve-${Date.now()}-${Math.random()}@example.test`,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
  return eve.token;
}

describe("a credential's page (CredentialController::show, ::update, ::test)", () => {
  it("shows one credential, updates what the edit dialog sends, and never answers a secret", async () => {
    ui = await startUiServer();
    const created = await ui.api("POST", "/credentials", {
      name: "work",
      auth_type: "api_key",
      api_key: "sk-ant-api03-SECRETabc123",
    });
    const id: string = created.body.data.id;
    const shown = await ui.api("GET", `/credentials/${id}`);
    expect(shown.body.data).toEqual(created.body.data);
    // pages/credentials/EditCredentialModal.vue sends only what changed (name, claude_dir_mode, new secrets);
    // stores/credentials.ts keeps `response.data.data` in place of the listed one.
    const updated = await ui.api("PATCH", `/credentials/${id}`, {
      name: "work-2",
      claude_dir_mode: "isolated",
      api_key: "sk-ant-api03-NEWSECRETxyz789",
    });
    expect(updated.body.data).toMatchObject({
      id,
      name: "work-2",
      claude_dir_mode: "isolated",
      masked_key: "sk-ant-...xyz789",
      is_default: true,
      token_status: "ok",
    });
    expect(JSON.stringify([shown.body, updated.body])).not.toMatch(/SECRET/);
    // An empty dialog changes nothing but the time.
    const unchanged = await ui.api("PATCH", `/credentials/${id}`, {});
    expect(unchanged.body.data).toMatchObject({ name: "work-2", masked_key: "sk-ant-...xyz789" });
    await ui.api("POST", "/credentials", { name: "other", auth_type: "oauth" });
    const taken = await ui.api("PATCH", `/credentials/${id}`, { name: "other" });
    expect(taken).toMatchObject({ status: 409, body: { success: false, error: { code: "DUPLICATE_NAME" } } });
    const badName = await ui.api("PATCH", `/credentials/${id}`, { name: "Not Valid" });
    expect(badName).toMatchObject({
      status: 422,
      body: { error: { code: "VAL_001", errors: { name: expect.any(Array) } } },
    });
    // Another user reaches none of it.
    const eve = await anotherUser();
    for (const [method, path] of [
      ["GET", `/credentials/${id}`],
      ["PATCH", `/credentials/${id}`],
      ["POST", `/credentials/${id}/test`],
    ] as const)
      expect((await ui.api(method, path, method === "PATCH" ? { name: "mine" } : undefined, eve)).status).toBe(404);
    expect((await ui.api("GET", `/credentials/${id}`)).body.data.name).toBe("work-2");
  });

  it("tests an OAuth token by its status and says an API key was not checked", async () => {
    ui = await startUiServer();
    // pages/credentials/Index.vue, handleTest: a success toast when `result.valid`, else an error toast with
    // `result.message`. The messages are CredentialService::testCredential's.
    const test = async (id: string) => (await ui.api("POST", `/credentials/${id}/test`)).body.data;
    const key = await ui.api("POST", "/credentials", {
      name: "key",
      auth_type: "api_key",
      api_key: "sk-ant-api03-abcdef",
    });
    expect(await test(key.body.data.id)).toEqual({
      valid: false,
      checked: false,
      message: expect.stringContaining("not checked"),
    });
    const login = await ui.api("POST", "/credentials", { name: "login", auth_type: "oauth" });
    expect(await test(login.body.data.id)).toEqual({
      valid: false,
      message: "No access token — use Capture to import tokens",
      token_status: "needs_login",
      expires_at: null,
    });
    const expiresAt = ui.server.clock.now() + 60_000;
    const oauth = await ui.api("POST", "/credentials", {
      name: "max",
      auth_type: "oauth",
      access_token: "oat01-token-123456",
      expires_at: expiresAt,
    });
    expect(oauth.body.data.masked_key).toBe("oat01-...123456");
    expect(await test(oauth.body.data.id)).toMatchObject({
      valid: true,
      message: "OAuth token is active",
      token_status: "ok",
    });
    ui.server.clock.advance(60_000);
    expect(await test(oauth.body.data.id)).toMatchObject({ valid: false, token_status: "expired" });
    // The SDK's method reads the same answer.
    expect(await ui.nest.credentials.test({ id: oauth.body.data.id })).toMatchObject({ valid: false });
  });
});

describe("a project's orchestrator (ProjectController::startOrchestrator, ::stopOrchestrator)", () => {
  it("starts and stops, and status reports it as stores/orchestrator.ts keeps it", async () => {
    ui = await startUiServer();
    const project = await ui.nest.projects.create({ machine: ui.machineId, name: "App", project_path: "/srv/app" });
    await ui.nest.tasks.create({ project: project.id, title: "One" });
    const status = async () => (await ui.api("GET", `/projects/${project.id}/orchestrator/status`)).body.data;
    expect((await status()).status).toBe("idle");
    // stores/orchestrator.ts, startOrchestrator: posts the config (or {}) and keeps `response.data.data` as
    // orchestratorStatus `{status, workers, pendingTasks, completedTasks}`.
    const started = await ui.api("POST", `/projects/${project.id}/orchestrator/start`, { max_workers: 4 });
    expect(started.body.data).toMatchObject({
      status: "running",
      workers: [],
      pendingTasks: 1,
      completedTasks: 0,
      projectId: project.id,
      startedAt: expect.any(String),
      settings: { min_workers: 1, max_workers: 4, poll_interval_ms: 5000 },
    });
    expect(await status()).toEqual(started.body.data);
    // The agent refuses a second start (Orchestrator.start: "Orchestrator is already running").
    const again = await ui.api("POST", `/projects/${project.id}/orchestrator/start`, {});
    expect(again).toMatchObject({
      status: 422,
      body: { error: { code: "ORCHESTRATOR_ERROR", message: "Orchestrator is already running" } },
    });
    const tooMany = await ui.api("POST", `/projects/${project.id}/orchestrator/start`, { max_workers: 11 });
    expect(tooMany).toMatchObject({ status: 422, body: { error: { code: "VAL_001" } } });
    // stopOrchestrator posts nothing and clears its copy; the next status says `stopped`.
    const stopped = await ui.api("POST", `/projects/${project.id}/orchestrator/stop`);
    expect(stopped.body.data).toEqual({ message: "Stop signal sent" });
    expect(await status()).toEqual({ status: "stopped", workers: [], pendingTasks: 1, completedTasks: 0 });
    expect((await ui.api("POST", `/projects/${project.id}/orchestrator/start`, {})).body.data.status).toBe("running");
    // Through the SDK, and not for another user.
    expect(await ui.nest.orchestration.stop({ id: project.id })).toEqual({ message: "Stop signal sent" });
    const eve = await anotherUser();
    expect((await ui.api("POST", `/projects/${project.id}/orchestrator/start`, {}, eve)).status).toBe(404);
  });

  it("needs the project's machine online (MACHINE_OFFLINE) and reports offline", async () => {
    ui = await startUiServer();
    const project = await ui.nest.projects.create({ machine: ui.machineId, name: "App", project_path: "/srv/app" });
    await ui.api("POST", `/projects/${project.id}/orchestrator/start`, {});
    // A machine is offline once its agent has not been seen for a while.
    ui.server.clock.advance(24 * 3_600_000);
    for (const action of ["start", "stop"])
      expect(await ui.api("POST", `/projects/${project.id}/orchestrator/${action}`, {})).toMatchObject({
        status: 422,
        body: { error: { code: "MACHINE_OFFLINE", message: "Machine is not online" } },
      });
    const status = await ui.api("GET", `/projects/${project.id}/orchestrator/status`);
    expect(status.body.data).toMatchObject({ status: "offline", workers: [] });
  });
});
