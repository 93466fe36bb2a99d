/**
 * Sessions of a machine whose agent is connected run on the agent's machine: the server sends the agent
 * `session:create`, `session:input`, `session:resize` and `session:terminate`, and what the agent reports is what the
 * API, the session logs and the Pusher channel show. The agent is a fake built on the SDK's agent client;
 * expectations quote the public ClaudeNest sources (QrCommunication/claudenest).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { RawPusherClient } from "../../../realtime/pusher/test-support.ts";
import { agentTestServer } from "../testing/fake-agent.ts";
import { newUser, onlineMachine } from "../testing/test-support.ts";

const world = agentTestServer({ exec: ["bash"] });
const closers: Array<() => unknown> = [];

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A user, their machine with a connected fake agent, and a session created through the API. */
async function agentSession() {
  const user = await newUser(world.server, "alice");
  const { machine, token } = await user.nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  const agent = await world.connect({ id: machine.id, token });
  const created = agent.next("session:create");
  const { session, websocket_token } = await user.nest.sessions.create({
    machine: machine.id,
    mode: "headless",
    project_path: "/home/alice/app",
    initial_prompt: "fix the tests",
    pty_size: { cols: 100, rows: 30 },
  });
  return { user, machine, agent, session, websocketToken: websocket_token, create: await created };
}

/** A Pusher client subscribed to the session's channel with its ws_ token. */
async function sessionChannel(sessionId: string, token: string) {
  const client = await RawPusherClient.connect(`${world.origin.replace("http", "ws")}/claudenest/app/claudenest`);
  closers.push(() => client.close());
  const answer = await client.subscribe(`private-session.${sessionId}`, { token });
  expect(answer.event).toBe("pusher_internal:subscription_succeeded");
  return client;
}

describe("sessions on the agent's machine", () => {
  // packages/server/app/Http/Controllers/Api/SessionController.php, store(): AgentGateway::send($machine->id,
  // 'session:create', ['sessionId', 'mode', 'projectPath', 'initialPrompt', 'ptySize', 'credentialEnv']).
  it("sends session:create to the agent instead of running the session itself", async () => {
    const { user, session, create } = await agentSession();
    expect(create.payload).toEqual({
      sessionId: session.id,
      mode: "headless",
      projectPath: "/home/alice/app",
      initialPrompt: "fix the tests",
      ptySize: { cols: 100, rows: 30 },
      credentialEnv: null,
    });
    expect(create).toMatchObject({ id: expect.any(String), timestamp: expect.any(Number) });
    const shown = await user.nest.sessions.get({ id: session.id });
    expect(shown).toMatchObject({ status: "created", pid: null, status_message: "Sent to the machine's agent" });
    // Nothing ran here: no local process, no log.
    expect(await user.nest.sessions.logs({ id: session.id })).toEqual([]);
  });

  // packages/agent/src/handlers/session-handler.ts: after creating, `session:status {sessionId, status, pid}`;
  // packages/agent/src/types/index.ts SessionOutput {sessionId, type, data, timestamp} sent as `session:output`.
  it("shows the agent's status, pid and output in the API, the logs and the session's Pusher channel", async () => {
    const { user, agent, session, websocketToken } = await agentSession();
    const channel = await sessionChannel(session.id, websocketToken!);
    agent.connection.send("session:status", { sessionId: session.id, status: "running", pid: 4242 });
    agent.connection.send("session:output", {
      sessionId: session.id,
      type: "output",
      data: "hello from the agent\r\n",
      timestamp: Date.now(),
    });
    const live = await channel.next((f) => f.event === "session:output");
    expect(live.data).toMatchObject({ data: "hello from the agent\r\n", id: expect.any(String) });
    const shown = await user.nest.sessions.get({ id: session.id });
    expect(shown).toMatchObject({ status: "running", pid: 4242 });
    expect(shown.started_at).not.toBeNull();
    const logs = await user.nest.sessions.logs({ id: session.id });
    expect(logs.map((log) => [log.type, log.data, log.id])).toEqual([
      ["output", "hello from the agent\r\n", live.data.id],
    ]);
  });

  // SessionController.php: input → 'session:input' {sessionId, data}; resize → 'session:resize' {sessionId, cols,
  // rows}; destroy → 'session:terminate' {sessionId}.
  it("sends input, resizes and termination from the API and from the channel's client events to the agent", async () => {
    const { user, agent, session, websocketToken } = await agentSession();
    agent.connection.send("session:status", { sessionId: session.id, status: "running", pid: 7 });
    await vi.waitFor(async () => expect((await user.nest.sessions.get({ id: session.id })).status).toBe("running"));

    const input = agent.next("session:input");
    await user.nest.sessions.input({ id: session.id, data: "ls\n" });
    expect((await input).payload).toEqual({ sessionId: session.id, data: "ls\n" });
    expect(await user.nest.sessions.logs({ id: session.id, type: "input" })).toMatchObject([
      { data: "ls\n", metadata: {} },
    ]);

    const channel = await sessionChannel(session.id, websocketToken!);
    const typed = agent.next("session:input");
    channel.send({ event: "client-session:input", channel: `private-session.${session.id}`, data: { data: "pwd\n" } });
    expect((await typed).payload).toEqual({ sessionId: session.id, data: "pwd\n" });

    const resize = agent.next("session:resize");
    await user.nest.sessions.resize({ id: session.id, cols: 80, rows: 24 });
    expect((await resize).payload).toEqual({ sessionId: session.id, cols: 80, rows: 24 });

    const terminate = agent.next("session:terminate");
    await user.nest.sessions.remove({ id: session.id });
    expect((await terminate).payload).toEqual({ sessionId: session.id });
    await channel.next((f) => f.event === "session:terminated");
    // handleTerminateSession answers `session:status {status: 'terminated'}`: the session stays as it ended.
    agent.connection.send("session:status", { sessionId: session.id, status: "terminated" });
    expect(await user.nest.sessions.get({ id: session.id })).toMatchObject({
      status: "terminated",
      status_message: "Terminated by request",
    });
  });

  // packages/agent/src/agent.ts: sessionEnded → `session:exited {sessionId, exitCode}`; AgentServe.php onSessionExited
  // ends the session and broadcasts SessionTerminated.
  it("ends the session with the exit code the agent reports", async () => {
    const { user, agent, session, websocketToken } = await agentSession();
    const channel = await sessionChannel(session.id, websocketToken!);
    agent.connection.send("session:status", { sessionId: session.id, status: "running", pid: 9 });
    agent.connection.send("session:exited", { sessionId: session.id, exitCode: 3 });
    await channel.next((f) => f.event === "session:terminated");
    expect(await user.nest.sessions.get({ id: session.id })).toMatchObject({ status: "terminated", exit_code: 3 });
  });

  // session-handler.ts: a failed create answers `error {originalType: 'session:create', sessionId, code:
  // 'SESSION_CREATION_FAILED', message}`; AgentServe.php onAgentError marks the session as error.
  it("puts a session the agent could not start in error, with the agent's message in its logs", async () => {
    const { user, agent, session } = await agentSession();
    agent.connection.send("error", {
      originalType: "session:create",
      sessionId: session.id,
      code: "SESSION_CREATION_FAILED",
      message: "claude: not found",
    });
    await vi.waitFor(async () => expect((await user.nest.sessions.get({ id: session.id })).status).toBe("error"));
    expect(await user.nest.sessions.logs({ id: session.id, type: "error" })).toMatchObject([
      { data: "SESSION_CREATION_FAILED: claude: not found", metadata: { originalType: "session:create" } },
    ]);
  });

  // session-handler.ts handleSessionResize answers `session:status {sessionId, ptySize}`; agent.ts sends
  // `session:recovered {sessionId}` for a tmux session found again after the agent restarted.
  it("stores the size the agent reports, and runs a session the agent recovered", async () => {
    const { user, agent, session } = await agentSession();
    agent.connection.send("session:status", { sessionId: session.id, ptySize: { cols: 90, rows: 33 } });
    await vi.waitFor(async () =>
      expect((await user.nest.sessions.get({ id: session.id })).pty_size).toEqual({ cols: 90, rows: 33 }),
    );
    agent.connection.send("session:recovered", { sessionId: session.id });
    await vi.waitFor(async () => expect((await user.nest.sessions.get({ id: session.id })).status).toBe("running"));
  });

  it("refuses reports about a session of another machine with SES_001, and changes nothing", async () => {
    const { user, session } = await agentSession();
    const other = await user.nest.machines.register({ name: "other", platform: "linux", hostname: "other" });
    const intruder = await world.connect({ id: other.machine.id, token: other.token });
    intruder.connection.send("session:exited", { sessionId: session.id, exitCode: 0 });
    expect((await intruder.next("error")).payload).toMatchObject({ originalType: "session:exited", code: "SES_001" });
    expect((await user.nest.sessions.get({ id: session.id })).status).toBe("created");
  });

  it("still runs sessions itself on a machine without a connected agent", async () => {
    const user = await newUser(world.server, "bob");
    const machine = await onlineMachine(world.server, user.nest);
    const { session } = await user.nest.sessions.create({ machine: machine.id });
    const shown = await user.nest.sessions.get({ id: session.id });
    expect(shown.status).toBe("running");
    expect(shown.pid).toEqual(expect.any(Number));
  });
});
