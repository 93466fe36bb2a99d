/**
 * Every request example of seed document 001, sent as the document writes it (only its placeholder ids
 * replaced by real ones; where the contract carries the document's example of a body, that example is sent):
 * a ClaudeNest user who copies an example must get a success, never `VAL_001`.
 * Not sent: §2.7's magic-link token `abc123...` and §11.8's tool call, which only stand for real values (their
 * shapes are sent in `contract-fidelity.test.ts`).
 */
import {
  AcquireLockBodySchema,
  CreateProjectBodySchema,
  CreateSessionBodySchema,
  CreateTaskBodySchema,
  CreateTokenBodySchema,
  RegisterCommandBodySchema,
  UpsertSkillBodySchema,
} from "@agentlane/sdk/claudenest/contract";
import { exampleOf } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { macbook, migrate, npmScripts } from "../testing/test-doc-requests.ts";
import { type NestHarness, startNest } from "../testing/test-nest.ts";

let h: NestHarness;
beforeAll(async () => {
  h = await startNest();
});
afterAll(() => h.close());

interface Sent {
  status: number;
  body: { success: boolean; data: any; error?: { code: string; message: string; errors?: unknown } };
}

async function send(method: string, path: string, body?: unknown, token = h.token): Promise<Sent> {
  const response = await h.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: await response.json() };
}

/** Sends a documented example and expects a success; answers its data. */
async function accepted(method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const sent = await send(method, path, body, token);
  expect(sent.body.error, `${method} ${path}`).toBeUndefined();
  expect(sent.status, `${method} ${path}`).toBeLessThan(300);
  return sent.body.data;
}

describe("the request examples of seed 001, verbatim", () => {
  let machine: string;
  let project: string;
  let task: string;

  it("§2 auth: register, login, token, magic link", async () => {
    await accepted("POST", "/auth/register", {
      name: "John Doe",
      email: "user@example.com",
      password: "securepassword",
      password_confirmation: "securepassword",
    });
    await accepted("POST", "/auth/login", { email: "user@example.com", password: "securepassword", remember: false });
    await accepted("POST", "/auth/tokens", exampleOf(CreateTokenBodySchema));
    await accepted("POST", "/auth/magic-link", { email: "user@example.com" }, "");
  });

  it("§3 pairing: initiate, complete", async () => {
    const ticket = await accepted(
      "POST",
      "/pairing/initiate",
      { agent_info: { platform: "linux", hostname: "dev-box", node_version: "20.11.0", agent_version: "1.0.0" } },
      "",
    );
    await accepted("POST", `/pairing/${ticket.code}/complete`, { name: "My MacBook Pro" });
  });

  it("§4 machines: register, update, list with its query", async () => {
    const registered = await accepted("POST", "/machines", macbook);
    machine = registered.machine.id;
    await accepted("GET", `/machines/${machine}`, undefined, registered.token); // its agent connects: online
    await accepted("PATCH", `/machines/${machine}`, {
      name: "MacBook Pro Work",
      max_sessions: 15,
      capabilities: ["wake_on_lan", "gpu", "mcp"],
    });
    await accepted("GET", "/machines?search=MacBook&status=online&per_page=15");
  });

  it("§5 sessions: create, input, resize, list and logs with their queries", async () => {
    const { session } = await accepted("POST", `/machines/${machine}/sessions`, exampleOf(CreateSessionBodySchema));
    await accepted("POST", `/sessions/${session.id}/input`, { data: "ls -la\n" });
    await accepted("POST", `/sessions/${session.id}/resize`, { cols: 160, rows: 50 });
    await accepted("GET", `/machines/${machine}/sessions?status=running&per_page=15`);
    await accepted("GET", `/sessions/${session.id}/logs?limit=1000&type=output`);
  });

  it("§6 projects: create, update, broadcast, activity with its query", async () => {
    const created = await accepted("POST", `/machines/${machine}/projects`, exampleOf(CreateProjectBodySchema));
    project = created.id;
    await accepted("PATCH", `/projects/${project}`, {
      summary: "Updated description",
      current_focus: "Implementing auth",
      recent_changes: "Added JWT authentication",
    });
    await accepted("POST", `/projects/${project}/broadcast`, {
      type: "announcement",
      content: "Restarting server in 5 minutes",
      target: "all",
    });
    await accepted("GET", `/projects/${project}/activity?limit=50`);
  });

  it("§7 tasks: create, claim, release, complete, list with its query", async () => {
    const created = await accepted("POST", `/projects/${project}/tasks`, exampleOf(CreateTaskBodySchema));
    task = created.id;
    await accepted("POST", `/tasks/${task}/claim`, { instance_id: "instance_1" });
    await accepted("GET", `/projects/${project}/tasks?status=in_progress&priority=high`);
    await accepted("POST", `/tasks/${task}/release`, { reason: "Blocked by dependency" });
    await accepted("POST", `/tasks/${task}/claim`, { instance_id: "instance_1" });
    await accepted("POST", `/tasks/${task}/complete`, {
      summary: "Implemented JWT auth with refresh tokens",
      files_modified: ["auth.php", "User.php", "config/auth.php"],
    });
  });

  it("§8 context: query, update, add a chunk, list chunks with their query", async () => {
    await accepted("POST", `/projects/${project}/context/query`, {
      query: "How is authentication implemented?",
      limit: 10,
      min_similarity: 0.7,
    });
    await accepted("PATCH", `/projects/${project}/context`, {
      summary: "Updated summary",
      architecture: "Updated architecture",
      conventions: "Updated conventions",
      current_focus: "New focus",
      recent_changes: "Latest changes",
    });
    await accepted("POST", `/projects/${project}/context/chunks`, {
      content: "Important decision: Using JWT for auth",
      type: "decision",
      instance_id: "instance_1",
      task_id: task,
      files: ["auth.php"],
      importance_score: 0.9,
      expires_at: "2026-03-02T00:00:00Z",
    });
    await accepted("GET", `/projects/${project}/context/chunks?type=decision&instance_id=instance_1`);
  });

  it("§9 locks: acquire, check, extend, bulk, release, force release, release by instance", async () => {
    const locks = `/projects/${project}/locks`;
    await accepted("POST", locks, exampleOf(AcquireLockBodySchema));
    await accepted("POST", `${locks}/check`, { path: "src/auth.php" });
    await accepted("POST", `${locks}/extend`, {
      path: "src/auth.php",
      instance_id: "instance_1",
      additional_minutes: 15,
    });
    await accepted("POST", `${locks}/bulk`, {
      paths: ["src/auth.php", "src/User.php"],
      instance_id: "instance_1",
      reason: "Auth refactor",
      duration_minutes: 30,
    });
    await accepted("POST", `${locks}/release`, { path: "src/auth.php", instance_id: "instance_1" });
    await accepted("POST", `${locks}/force-release`, { path: "src/auth.php" });
    await accepted("POST", `${locks}/release-by-instance`, { instance_id: "instance_1" });
  });

  it("§10 skills: create or update, bulk update", async () => {
    await accepted("POST", `/machines/${machine}/skills`, exampleOf(UpsertSkillBodySchema));
    await accepted("POST", `/machines/${machine}/skills/bulk`, {
      updates: [
        { path: "debugging", enabled: false },
        { path: "testing", priority: 20 },
      ],
    });
  });

  it("§11 MCP: add a server", async () => {
    await accepted("POST", `/machines/${machine}/mcp`, {
      name: "fetch",
      display_name: "Web Fetch",
      command: "uvx",
      args: ["mcp-server-fetch"],
      env: { HTTP_PROXY: "..." },
      auto_start: true,
    });
  });

  it("§12 commands: register, bulk register, execute, list and search with their queries", async () => {
    await accepted("POST", `/machines/${machine}/commands`, exampleOf(RegisterCommandBodySchema));
    await accepted("POST", `/machines/${machine}/commands/bulk`, npmScripts);
    // §12.6 executes the command §12.3 shows, which declares `--force`.
    const registeredMigrate = await accepted("POST", `/machines/${machine}/commands`, migrate);
    await accepted("POST", `/machines/${machine}/commands/${registeredMigrate.id}/execute`, {
      arguments: [],
      options: ["--force"],
      cwd: "/home/user/project",
    });
    await accepted("GET", `/machines/${machine}/commands?per_page=50`);
    await accepted("GET", `/machines/${machine}/commands/search?q=migrate`);
  });
});
