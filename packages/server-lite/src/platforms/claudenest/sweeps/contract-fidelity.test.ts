/**
 * Every JSON example response of seed document 001, read by hand into the table of `test-doc-examples.ts`: for
 * each one, the raw answer of server-lite (not through the SDK, so nothing is parsed away) must carry every
 * documented key with the documented JSON type, and so must the contract's schema after parsing it. Extra keys are
 * allowed; a missing or mistyped documented key is a departure.
 */
import { fileURLToPath } from "node:url";
import { contract } from "@agentlane/sdk/claudenest/contract";
import type { RunnableSchema } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Documented, departures, documented, type Keys } from "../testing/test-doc-examples.ts";
import { macbook, migrate, npmScripts } from "../testing/test-doc-requests.ts";
import { type NestHarness, startNest } from "../testing/test-nest.ts";

describe("departures()", () => {
  it("reports missing keys, wrong types and empty lists, and accepts extra keys", () => {
    const keys: Keys = { "[].a": "string", "[].b.c": "number?", "d.*.e": "boolean" };
    expect(departures([{ a: "x", b: { c: null }, extra: 1 }], keys)).toEqual(["d: missing"]);
    expect(departures([{ a: 1, b: {} }], { "[].a": "string", "[].b.c": "number" })).toEqual([
      "[0].a: expected string, got number",
      "[0].b.c: missing",
    ]);
    expect(departures([], { "[].a": "string" })).toEqual(["data: expected a non-empty array"]);
    expect(departures({ d: { x: { e: true } } }, { "d.*.e": "boolean" })).toEqual([]);
  });
});

const echoServer = fileURLToPath(new URL("../testing/fixtures/echo-mcp-server.mjs", import.meta.url));

interface Answer {
  status: number;
  body: { success: boolean; data: unknown; error?: unknown; meta?: Record<string, unknown> };
}

let h: NestHarness;
/** A second server that may run Node, for the fixture MCP server; sessions on `h` run nothing. */
let tools: NestHarness;
/** Answers of every documented example, gathered once in `beforeAll` by walking through the API. */
const answers = new Map<Documented, Answer>();
/** Error examples: §3.2 expired pairing, §7.7 already claimed, §14.2 validation. */
const errors = new Map<"PAR_002" | "TSK_002" | "VAL_001", Answer>();
/** The session and project of the walk, for the tests of documented query defaults. */
const walked = { session: "", project: "" };

beforeAll(async () => {
  h = await startNest();
  tools = await startNest({ exec: [process.execPath] });
  /** The server the next calls go to, with its demo user's token by default. */
  let on = h;
  const call = async (method: string, path: string, body?: unknown, as = on.token): Promise<Answer> => {
    const response = await on.request(method, path, { token: as, ...(body === undefined ? {} : { body }) });
    return { status: response.status, body: await response.json() };
  };
  const record = async (name: Documented, method: string, path: string, body?: unknown, as?: string) => {
    const answer = await call(method, path, body, as);
    answers.set(name, answer);
    return answer.body.data as Record<string, any>;
  };

  // §2 auth
  const { redirect_url } = await record("auth.oauthRedirect", "GET", "/auth/google/redirect");
  const consent = await h.server.fetch(new Request(redirect_url, { redirect: "manual" }));
  const code = new URL(consent.headers.get("location")!).searchParams.get("code");
  await record("auth.oauthCallback", "GET", `/auth/google/callback?code=${code}`);
  const register = { name: "Jane Doe", email: "jane@example.com", password: "securepassword" };
  await call("POST", "/auth/register", { ...register, password_confirmation: register.password });
  await record("auth.login", "POST", "/auth/login", { email: register.email, password: register.password });
  await record("auth.me", "GET", "/auth/me");
  await record("auth.createToken", "POST", "/auth/tokens", { name: "Mobile App Token", expires_in_days: 90 });
  await record("auth.listTokens", "GET", "/auth/tokens");
  await record("auth.requestMagicLink", "POST", "/auth/magic-link", { email: register.email });
  const mail = h.server.db.get<{ body: string }>(
    "SELECT body FROM cn_outbox WHERE to_email = ? ORDER BY id DESC LIMIT 1",
    register.email,
  );
  const magic = await record("auth.verifyMagicLink", "POST", "/auth/magic-link/verify", {
    token: /Token: (\S+)/.exec(mail!.body)![1],
  });
  await record("auth.logout", "POST", "/auth/logout", undefined, magic.tokens.access_token);

  // §3 pairing
  const agentInfo = { platform: "linux", hostname: "dev-box", node_version: "20.11.0", agent_version: "1.0.0" };
  const ticket = await record("pairing.initiate", "POST", "/pairing/initiate", { agent_info: agentInfo });
  await record("pairing.status (pending)", "GET", `/pairing/${ticket.code}`, undefined, ticket.token);
  await record("pairing.complete", "POST", `/pairing/${ticket.code}/complete`, { name: "My MacBook Pro" });
  await record("pairing.status (completed)", "GET", `/pairing/${ticket.code}`, undefined, ticket.token);
  const late = (await call("POST", "/pairing/initiate", { agent_info: agentInfo }, "")).body.data as {
    code: string;
    token: string;
  };
  h.server.clock.advance(11 * 60_000);
  errors.set("PAR_002", await call("GET", `/pairing/${late.code}`, undefined, late.token));

  // §4 machines: one registered as §4.2 shows, online once its agent has used its token.
  const { machine, token: machineToken } = await record("machines.register", "POST", "/machines", macbook);
  await call("GET", `/machines/${machine.id}`, undefined, machineToken);
  await record("machines.environment", "GET", `/machines/${machine.id}/environment`);
  const sleeper = (
    await call("POST", "/machines", { name: "NAS", platform: "linux", hostname: "nas", capabilities: ["wake_on_lan"] })
  ).body.data as { machine: { id: string } };
  await record("machines.wake", "POST", `/machines/${sleeper.machine.id}/wake`);
  await record("machines.list", "GET", "/machines?search=macbook.local");

  // §5 sessions
  const { session } = await record("sessions.create", "POST", `/machines/${machine.id}/sessions`, {
    mode: "interactive",
    project_path: "/home/user/project",
    initial_prompt: "Refactor the auth module",
    pty_size: { cols: 120, rows: 40 },
  });
  walked.session = session.id;
  await call("POST", `/sessions/${session.id}/input`, { data: "ls -la\n" });
  await record("sessions.list", "GET", `/machines/${machine.id}/sessions`);
  await record("sessions.logs", "GET", `/sessions/${session.id}/logs`);
  await record("sessions.attachToken", "POST", `/sessions/${session.id}/attach`);

  // §6–§9 a project with a claimed task, context and locks
  const project = (
    await call("POST", `/machines/${machine.id}/projects`, {
      name: "My Project",
      project_path: "/home/user/project",
      summary: "A web application with JWT authentication",
      architecture: "MVC pattern with Laravel",
      conventions: "PSR-12 coding standards",
      settings: { maxContextTokens: 8000, taskTimeoutMinutes: 60 },
    })
  ).body.data as { id: string };
  walked.project = project.id;
  await call("PATCH", `/projects/${project.id}/context`, {
    current_focus: "Implementing auth",
    recent_changes: "Added JWT authentication",
  });
  const task = (
    await call("POST", `/projects/${project.id}/tasks`, {
      title: "Implement authentication",
      description: "Add JWT-based auth",
      priority: "high",
      files: ["auth.php", "User.php"],
      estimated_tokens: 2000,
    })
  ).body.data as { id: string };
  await record("tasks.claim", "POST", `/tasks/${task.id}/claim`, { instance_id: "instance_1" });
  errors.set("TSK_002", await call("POST", `/tasks/${task.id}/claim`, { instance_id: "instance_2" }));
  await record("tasks.list", "GET", `/projects/${project.id}/tasks`);
  await call("POST", `/projects/${project.id}/context/chunks`, {
    content: "JWT authentication is implemented using a signed token. It is checked on every request.",
    type: "context_update",
    instance_id: "instance_1",
    files: ["auth.php"],
  });
  await record("context.get", "GET", `/projects/${project.id}/context`);
  await record("context.query", "POST", `/projects/${project.id}/context/query`, {
    query: "How is authentication implemented?",
  });
  await record("context.summarize", "POST", `/projects/${project.id}/context/summarize`);
  await call("POST", `/projects/${project.id}/locks`, {
    path: "src/auth.php",
    instance_id: "instance_1",
    reason: "Refactoring authentication",
    duration_minutes: 30,
  });
  await call("POST", `/projects/${project.id}/locks`, {
    path: "src/User.php",
    instance_id: "instance_2",
    reason: "Adding fields",
  });
  await record("locks.list", "GET", `/projects/${project.id}/locks`);
  await record("locks.check", "POST", `/projects/${project.id}/locks/check`, { path: "src/auth.php" });
  await record("locks.bulk", "POST", `/projects/${project.id}/locks/bulk`, {
    paths: ["src/auth.php", "src/User.php"],
    instance_id: "instance_1",
    reason: "Auth refactor",
    duration_minutes: 30,
  });
  await record("projects.list", "GET", `/machines/${machine.id}/projects`);
  await record("projects.stats", "GET", `/projects/${project.id}/stats`);
  await record("projects.instances", "GET", `/projects/${project.id}/instances`);
  const activity = await call("GET", `/projects/${project.id}/activity`);
  const claimed = (activity.body.data as { type: string }[]).filter((a) => a.type === "task_claimed");
  answers.set("projects.activity (task_claimed)", { ...activity, body: { ...activity.body, data: claimed } });

  // §10 skills
  await call("POST", `/machines/${machine.id}/skills`, {
    path: "debugging",
    name: "Debugging",
    content: "# Debugging\n\n## Overview...",
    description: "Advanced debugging techniques",
    priority: 10,
    metadata: { tags: ["debugging", "troubleshooting"], version: "1.0" },
  });
  await record("skills.list", "GET", `/machines/${machine.id}/skills`);
  await record("skills.get", "GET", `/machines/${machine.id}/skills/debugging`);
  await record("skills.toggle", "POST", `/machines/${machine.id}/skills/debugging/toggle`);

  // §11 MCP: the fixture server over stdio, on the server that may run it
  on = tools;
  const box = (
    (await call("POST", "/machines", { name: "box", platform: "linux", hostname: "box" })).body.data as {
      machine: { id: string };
    }
  ).machine.id;
  await call("POST", `/machines/${box}/mcp`, {
    name: "echo",
    display_name: "Echo",
    command: process.execPath,
    args: [echoServer],
  });
  await call("POST", `/machines/${box}/mcp/echo/start`);
  await record("mcp.list", "GET", `/machines/${box}/mcp`);
  await record("mcp.tools", "GET", `/machines/${box}/mcp/echo/tools`);
  await record("mcp.execute", "POST", `/machines/${box}/mcp/echo/execute`, {
    tool: "echo",
    parameters: { text: "File contents..." },
  });
  await call("POST", `/machines/${box}/mcp/echo/stop`);
  on = h;

  // §12 commands
  const command = (await call("POST", `/machines/${machine.id}/commands`, migrate)).body.data as { id: string };
  await record("commands.bulk", "POST", `/machines/${machine.id}/commands/bulk`, npmScripts);
  await record("commands.list", "GET", `/machines/${machine.id}/commands`);
  await record("commands.search", "GET", `/machines/${machine.id}/commands/search?q=migrate`);
  await record("commands.get", "GET", `/machines/${machine.id}/commands/${command.id}`);
  await record("commands.execute", "POST", `/machines/${machine.id}/commands/${command.id}/execute`, {
    arguments: [],
    options: ["--force"],
    cwd: "/home/user/project",
  });
  await record("commands.clear", "DELETE", `/machines/${machine.id}/commands`);
  await record("machines.regenerateToken", "POST", `/machines/${machine.id}/regenerate-token`);

  // §14.2
  errors.set("VAL_001", await call("POST", "/auth/register", { name: "", email: "not-an-email" }, ""));
  // §16
  await record("health.check", "GET", "/health", undefined, "");
});
afterAll(() => Promise.all([h.close(), tools.close()]));

describe("every documented example response (seed 001)", () => {
  const cases = Object.entries(documented) as [Documented, Keys][];
  it.each(cases)("%s carries every documented key", (name, keys) => {
    const answer = answers.get(name);
    expect(answer, `${name} was not called`).toBeDefined();
    expect(answer!.body.success, JSON.stringify(answer!.body)).toBe(true);
    expect(departures(answer!.body.data, keys)).toEqual([]);
  });

  // The contract's schema must declare every documented key: zod drops keys a schema does not name, so a key
  // missing from the schema (or of another type) shows up here even though the server sends it.
  it.each(cases)("%s: the contract's response schema keeps every documented key", (name, keys) => {
    const [resource, method] = name.split(" ")[0]!.split(".") as [string, string];
    const endpoints = contract[resource as keyof typeof contract] as Record<string, { spec: { response: unknown } }>;
    const schema = endpoints[method]!.spec.response as RunnableSchema;
    const parsed = schema.safeParse(answers.get(name)!.body.data);
    expect(parsed.success, JSON.stringify(parsed)).toBe(true);
    expect(departures(parsed.success ? parsed.data : undefined, keys)).toEqual([]);
  });

  it("logout answers data: null (§2.4)", () => {
    expect(answers.get("auth.logout")!.body.data).toBeNull();
  });

  it("every answer has the §1.2 envelope with meta.timestamp and meta.request_id", () => {
    for (const [name, answer] of answers) {
      expect(
        departures(answer.body, { success: "boolean", "meta.timestamp": "string", "meta.request_id": "string" }),
        name,
      ).toEqual([]);
    }
  });

  it("machines.list carries §4.1 meta.pagination, 15 per page by default", () => {
    const { meta } = answers.get("machines.list")!.body;
    expect(meta?.pagination).toEqual({ current_page: 1, last_page: 1, per_page: 15, total: 1 });
  });

  it("values the document fixes: pairing statuses, the new session, the queued command", () => {
    expect(answers.get("pairing.status (pending)")!.body.data).toMatchObject({ status: "pending" });
    expect(answers.get("pairing.status (completed)")!.body.data).toMatchObject({ status: "completed" });
    expect(answers.get("pairing.complete")!.body.data).toMatchObject({
      machine: { name: "My MacBook Pro", platform: "linux", hostname: "dev-box", status: "online" },
    });
    expect(answers.get("sessions.create")!.body.data).toMatchObject({
      session: { status: "created", mode: "interactive" },
      websocket_token: expect.stringMatching(/^ws_/),
    });
    expect(answers.get("machines.register")!.body.data).toMatchObject({ token: expect.stringMatching(/^mn_/) });
    expect(answers.get("auth.verifyMagicLink")!.body.data).toMatchObject({
      tokens: { access_token: expect.stringMatching(/^cn_/), refresh_token: expect.stringMatching(/^cn_rt_/) },
    });
    expect(answers.get("tasks.claim")!.body.data).toMatchObject({ message: "Task claimed successfully" });
    expect(answers.get("machines.wake")!.body.data).toMatchObject({ message: "Wake-on-LAN signal sent" });
    expect(answers.get("commands.execute")!.body.data).toMatchObject({
      status: "queued",
      command: "php artisan migrate --force",
    });
    expect(answers.get("mcp.execute")!.body.data).toMatchObject({ mimeType: "text/plain" });
    expect(answers.get("health.check")!.body.data).toMatchObject({ status: "ok" });
  });
});

describe("every documented example error (seed 001)", () => {
  it("§3.2: an expired pairing code answers HTTP 410 with PAR_002", () => {
    expect(errors.get("PAR_002")).toMatchObject({
      status: 410,
      body: { success: false, error: { code: "PAR_002", message: "Pairing code has expired" } },
    });
  });

  it("§7.7: claiming a claimed task answers TSK_002 (409, from the §14 table)", () => {
    expect(errors.get("TSK_002")).toMatchObject({
      status: 409,
      body: { success: false, error: { code: "TSK_002", message: "Task already claimed by another instance" } },
    });
  });

  it("§14.2: a validation error is 422 VAL_001 with `errors` listing messages per field", () => {
    const answer = errors.get("VAL_001")!;
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: "VAL_001", message: "The given data was invalid." });
    expect(departures(answer.body.error, { "errors.email": "array", "errors.name": "array" })).toEqual([]);
    expect(departures(answer.body, { "meta.timestamp": "string", "meta.request_id": "string" })).toEqual([]);
  });
});

describe("documented query defaults (seed 001)", () => {
  it("§12.1: commands are listed 50 per page by default, and so is their search", () => {
    expect(answers.get("commands.list")!.body.meta?.pagination).toMatchObject({ per_page: 50 });
    expect(answers.get("commands.search")!.body.meta?.pagination).toMatchObject({ per_page: 50 });
  });

  it("§5.5: a session's logs answer the last 1000 entries by default", async () => {
    for (let i = 0; i < 1001; i++) {
      await h.request("POST", `/sessions/${walked.session}/input`, { token: h.token, body: { data: `${i}\n` } });
    }
    const logs = (await (await h.request("GET", `/sessions/${walked.session}/logs`, { token: h.token })).json())
      .data as { data: string }[];
    expect(logs).toHaveLength(1000);
    expect(logs.at(-1)!.data).toBe("1000\n");
  });

  it("§6.8: a project's activity answers the last 50 entries by default", async () => {
    for (let i = 0; i < 51; i++) {
      await h.request("POST", `/projects/${walked.project}/broadcast`, {
        token: h.token,
        body: { type: "announcement", content: `Message ${i}` },
      });
    }
    const activity = (await (await h.request("GET", `/projects/${walked.project}/activity`, { token: h.token })).json())
      .data as { details: { content?: string } }[];
    expect(activity).toHaveLength(50);
    expect(activity[0]!.details.content).toBe("Message 50");
  });
});
