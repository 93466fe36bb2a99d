import PusherModule, { type Channel } from "pusher-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { startUiServer, type UiBody, type UiServer } from "./ui-server.ts";

// ClaudeNest's web UI live, as resources/js/services/websocket.ts does it: laravel-echo (broadcaster "reverb") over
// pusher-js, authorizing at /broadcasting/auth on the page's origin with the user's bearer token, subscribing to
// `private-sessions.{id}` and listening for `.session.output`; beside it the terminal's own WebSocket,
// `/ws/terminal?session={id}&token={token}`, which carries output out and `{type: "input"}` in.

// pusher-js's Node build is CommonJS whose `module.exports` is the class; its typings describe an ES default export.
const Pusher = PusherModule as unknown as typeof PusherModule.default;
type Pusher = InstanceType<typeof Pusher>;

let ui: UiServer;
const closers: (() => void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await ui.server.close();
});

/**
 * pusher-js with the options laravel-echo's PusherConnector hands it for `broadcaster: "reverb"` (`key`, `wsHost`,
 * `wsPort`, `wssPort`, `forceTLS: useTLS`, `enabledTransports`, `authEndpoint: "/broadcasting/auth"`,
 * `auth: {headers}`); the page's origin resolves the relative endpoint.
 */
function echoPusher(token: string): Pusher {
  const origin = new URL(ui.origin);
  const client = new Pusher(ui.server.realtime.claudenest!.appKey, {
    cluster: "",
    wsHost: origin.hostname,
    wsPort: Number(origin.port),
    wssPort: Number(origin.port),
    forceTLS: false,
    enabledTransports: ["ws", "wss"],
    authEndpoint: new URL("/broadcasting/auth", origin).href,
    auth: { headers: { Authorization: `Bearer ${token}` } },
  });
  closers.push(() => client.disconnect());
  return client;
}

/** `echo.private(name)`: laravel-echo prefixes `private-`. */
function echoPrivate(client: Pusher, name: string): Promise<Channel> {
  const channel = client.subscribe(`private-${name}`);
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", (error: unknown) =>
      reject(Object.assign(new Error("refused"), { error })),
    );
  });
}

/** Everything an event brings, in order: `.listen('.session.output', ...)` binds `session.output`. */
function collect(channel: Channel, event: string): UiBody[] {
  const seen: UiBody[] = [];
  channel.bind(event, (data: UiBody) => seen.push(data));
  return seen;
}

/** Opens the terminal WebSocket as `connectTerminalWs` does; answers the frames it receives. */
function terminal(sessionId: string, token: string): Promise<{ ws: WebSocket; frames: UiBody[] }> {
  const url = `${ui.origin.replace("http", "ws")}/ws/terminal?session=${encodeURIComponent(sessionId)}&token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(url);
  closers.push(() => ws.terminate());
  const frames: UiBody[] = [];
  ws.on("message", (raw) => frames.push(JSON.parse(raw.toString())));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve({ ws, frames }));
    ws.once("unexpected-response", (_request, response) =>
      reject(Object.assign(new Error("refused"), { status: response.statusCode })),
    );
    ws.once("error", reject);
  });
}

/** Another user's account: a token that reaches nothing of the first user's. */
function anotherUser(): Promise<{ token: string }> {
  return ui.nest.auth.register({
    name: "Eve",
    email: `eve-${Date.now()}-${Math.random()}@example.test`,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
}

async function runningSession(): Promise<string> {
  const { body } = await ui.api("POST", `/machines/${ui.machineId}/sessions`, { mode: "interactive" });
  await vi.waitFor(
    async () => expect((await ui.api("GET", `/sessions/${body.data.id}`)).body.data.is_running).toBe(true),
    {
      timeout: 10_000,
    },
  );
  return body.data.id;
}

describe("the terminal page, live", () => {
  it("shows what the session writes and takes typing (services/websocket.ts)", async () => {
    ui = await startUiServer({ exec: ["bash"] });
    const sessionId = await runningSession();
    const channel = await echoPrivate(echoPusher(ui.token), `sessions.${sessionId}`);
    const outputs = collect(channel, "session.output");
    const { ws, frames } = await terminal(sessionId, ui.token);
    ws.send(JSON.stringify({ type: "input", data: "echo typed-$((20+22))\n" }));
    // Terminal WS frames: {type: 'output', data, timestamp}.
    await vi.waitFor(() => expect(frames.map((f) => f.data).join("")).toContain("typed-42"), { timeout: 10_000 });
    expect(frames.every((f) => f.type === "output" && typeof f.timestamp === "number")).toBe(true);
    // Echo: `.session.output` with {session_id, data, chunk_id, timestamp} (app/Events/SessionOutput.php).
    await vi.waitFor(() => expect(outputs.map((o) => o.data).join("")).toContain("typed-42"), { timeout: 10_000 });
    expect(outputs[0]).toMatchObject({
      session_id: sessionId,
      chunk_id: expect.any(String),
      timestamp: expect.any(String),
    });
    // Terminal.vue replays recent_logs on opening: the typing and the output are there.
    const { body } = await ui.api("GET", `/sessions/${sessionId}`);
    expect(body.data.recent_logs.map((l: UiBody) => l.data).join("")).toContain("typed-42");
    expect(body.data.recent_logs.some((l: UiBody) => l.type === "input")).toBe(true);
  });

  it("takes typing over HTTP when the terminal socket is closed, and Echo hears .session.input", async () => {
    // A session that runs nothing (no allow-list) still takes input, and records it as it would deliver it.
    ui = await startUiServer();
    const { body } = await ui.api("POST", `/machines/${ui.machineId}/sessions`, { mode: "interactive" });
    const sessionId: string = body.data.id;
    const channel = await echoPrivate(echoPusher(ui.token), `sessions.${sessionId}`);
    const inputs = collect(channel, "session.input");
    // services/websocket.ts, sendInput: without an open terminal socket, `sessionsApi.sendInput(id, data)`, which is
    // services/api.ts's `POST /sessions/{id}/input` with `{data}`.
    const sent = await ui.api("POST", `/sessions/${sessionId}/input`, { data: "echo over-http\n" });
    expect(sent).toMatchObject({ status: 200, body: { success: true, data: null } });
    // `.session.input` {session_id, data, timestamp}: app/Events/SessionInput.php, from SessionController::input.
    await vi.waitFor(() => expect(inputs).toHaveLength(1));
    expect(inputs).toEqual([{ session_id: sessionId, data: "echo over-http\n", timestamp: expect.any(String) }]);
    // Input typed into the terminal socket goes to the session without being announced, as AgentServe forwards it.
    const { ws } = await terminal(sessionId, ui.token);
    ws.send(JSON.stringify({ type: "input", data: "echo over-socket\n" }));
    await vi.waitFor(async () => {
      const logs = await ui.nest.sessions.logs({ id: sessionId, type: "input" });
      expect(logs.map((l) => l.data)).toEqual(["echo over-http\n", "echo over-socket\n"]);
    });
    // A later announcement would follow the socket's input on the same connection: none came.
    await ui.api("POST", `/sessions/${sessionId}/input`, { data: "last\n" });
    await vi.waitFor(() => expect(inputs).toHaveLength(2));
    expect(inputs.map((i) => i.data)).toEqual(["echo over-http\n", "last\n"]);
  });

  it("ends the terminal socket when the session ends, and Echo hears session.terminated", async () => {
    ui = await startUiServer({ exec: ["bash"] });
    const sessionId = await runningSession();
    const channel = await echoPrivate(echoPusher(ui.token), `sessions.${sessionId}`);
    const ended = collect(channel, "session.terminated");
    // `.session.status` {session_id, status, timestamp} (resources/js/types/index.ts, SessionStatusEvent).
    const statuses = collect(channel, "session.status");
    const { ws, frames } = await terminal(sessionId, ui.token);
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    await ui.api("DELETE", `/sessions/${sessionId}`);
    expect(await closed).toBe(1000);
    expect(frames.at(-1)).toMatchObject({ type: "session:terminated", exitCode: null });
    await vi.waitFor(() => expect(ended).toHaveLength(1));
    expect(statuses).toEqual([{ session_id: sessionId, status: "terminated", timestamp: expect.any(String) }]);
    expect(ended[0]).toMatchObject({ session_id: sessionId, machine_id: ui.machineId, status: "terminated" });
  });

  it("refuses the terminal socket without a token (401), for another user's session or an ended one (403)", async () => {
    ui = await startUiServer();
    const { body } = await ui.api("POST", `/machines/${ui.machineId}/sessions`, {});
    const sessionId: string = body.data.id;
    await expect(terminal(sessionId, "")).rejects.toMatchObject({ status: 401 });
    await expect(terminal(sessionId, "cn_not-a-token")).rejects.toMatchObject({ status: 401 });
    const stranger = await anotherUser();
    await expect(terminal(sessionId, stranger.token)).rejects.toMatchObject({ status: 403 });
    // A session that runs nothing is still open: typing is recorded as it would be over HTTP.
    const { ws } = await terminal(sessionId, ui.token);
    ws.send(JSON.stringify({ type: "input", data: "ls\n" }));
    ws.send("not json");
    ws.send(JSON.stringify({ type: "input", data: "" }));
    await vi.waitFor(async () => {
      const logs = await ui.nest.sessions.logs({ id: sessionId, type: "input" });
      expect(logs.map((l) => l.data)).toEqual(["ls\n"]);
    });
    await ui.api("DELETE", `/sessions/${sessionId}`);
    await expect(terminal(sessionId, ui.token)).rejects.toMatchObject({ status: 403 });
  });

  it("authorizes Echo's private-sessions channel only for the session's owner, at the origin's /broadcasting/auth", async () => {
    ui = await startUiServer();
    const { body } = await ui.api("POST", `/machines/${ui.machineId}/sessions`, {});
    const stranger = await anotherUser();
    await expect(echoPrivate(echoPusher(stranger.token), `sessions.${body.data.id}`)).rejects.toMatchObject({
      error: { status: 403 },
    });
    await echoPrivate(echoPusher(ui.token), `sessions.${body.data.id}`);
  });
});

describe("a project's channel, live", () => {
  it("carries task.claimed, task.completed and file.locked with the real payloads on private-projects.{id}", async () => {
    ui = await startUiServer();
    const project = await ui.nest.projects.create({ machine: ui.machineId, name: "App", project_path: "/srv/app" });
    const task = await ui.nest.tasks.create({ project: project.id, title: "Migrate" });
    const channel = await echoPrivate(echoPusher(ui.token), `projects.${project.id}`);
    const claimed = collect(channel, "task.claimed");
    const completed = collect(channel, "task.completed");
    const locked = collect(channel, "file.locked");
    const documented = collect(channel, "task:claimed");
    await ui.nest.tasks.claim({ id: task.id, instance_id: "web" });
    await ui.nest.locks.acquire({ project: project.id, path: "src/a.ts", instance_id: "web" });
    await ui.nest.tasks.complete({ id: task.id, summary: "Done", files_modified: ["src/a.ts"] });
    await vi.waitFor(() => expect(completed).toHaveLength(1));
    // app/Events/TaskClaimed.php, TaskCompleted.php, FileLocked.php: broadcastWith().
    expect(claimed).toEqual([
      expect.objectContaining({ task_id: task.id, project_id: project.id, title: "Migrate", assigned_to: "web" }),
    ]);
    expect(completed[0]).toMatchObject({ task_id: task.id, completion_summary: "Done", files_modified: ["src/a.ts"] });
    expect(locked).toEqual([
      expect.objectContaining({
        project_id: project.id,
        path: "src/a.ts",
        locked_by: "web",
        expires_at: expect.any(String),
      }),
    ]);
    // The document's names go to the document's channel only: each subscriber hears an event once.
    expect(documented).toEqual([]);
  });
});
