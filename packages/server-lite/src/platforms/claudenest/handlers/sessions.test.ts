import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ClaudeNest } from "@agentlane/sdk";
import type { Session } from "@agentlane/sdk/claudenest/contract";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer, type ServerOptions } from "../../../index.ts";
import { NO_EXEC_MESSAGE } from "../runtime/session-runtime.ts";
import type { NestServices } from "../services.ts";
import { clientFor } from "../testing/test-support.ts";
import { verifyWebsocketToken } from "./sessions.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const servers: LiteServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(options: ServerOptions = {}) {
  const server = await createServer({ seed: true, ...options });
  servers.push(server);
  const client = (token: string) => clientFor(server, token);
  const nest = client(server.seedInfo.claudenest!.token!);
  /** A machine whose agent has just called in with its token, so it is online. */
  const onlineMachine = async (maxSessions = 10) => {
    const { machine, token } = await nest.machines.register({
      name: "box",
      platform: "linux",
      hostname: "box.local",
      max_sessions: maxSessions,
    });
    const agent = client(token);
    await agent.machines.get({ id: machine.id });
    return { machine, agent };
  };
  const services = server.services("claudenest") as NestServices;
  const events: { channel: string; event: string; data: unknown }[] = [];
  const listen = (sessionId: string) =>
    server.events.subscribe(`private-session.${sessionId}`, (event, data, channel) =>
      events.push({ channel, event, data }),
    );
  return { server, client, nest, onlineMachine, services, events, listen };
}

async function otherUser(client: (token: string) => ClaudeNest) {
  const { token } = await client("").auth.register({
    name: "Other",
    email: "other@example.com",
    password: "password-123",
    password_confirmation: "password-123",
  });
  return client(token);
}

/** Reads until `accept` holds, a bounded number of times. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never saw ${what}`);
}

const outputOf = async (nest: ClaudeNest, id: string) =>
  (await nest.sessions.logs({ id, type: "output" })).map((log) => log.data).join("");

const processGone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe("sessions without a command allow-list", () => {
  it("records a session that runs nothing, and says so", async () => {
    const { nest, onlineMachine } = await setup();
    const { machine } = await onlineMachine();
    const created = await nest.sessions
      .create({ machine: machine.id, project_path: "/home/user/project" })
      .withResponse();
    expect(created.status).toBe(201);
    const { session, websocket_token } = created.data;
    expect(websocket_token).toMatch(/^ws_/);
    expect(session).toMatchObject({
      machine_id: machine.id,
      mode: "interactive",
      project_path: "/home/user/project",
      status: "created",
      is_running: false,
      is_completed: false,
      status_message: NO_EXEC_MESSAGE,
      pid: null,
      pty_size: { cols: 120, rows: 40 },
      total_tokens: 0,
      total_cost: 0,
      started_at: null,
      duration: null,
      formatted_duration: null,
    });
    // `get` adds the latest logs, as ClaudeNest's own server does (`app/Http/Resources/SessionResource.php`).
    expect(await nest.sessions.get({ id: session.id })).toEqual({ ...session, recent_logs: [] });
    expect((await nest.machines.get({ id: machine.id })).active_sessions_count).toBe(1);

    await nest.sessions.input({ id: session.id, data: "ls -la\n" });
    const logs = await nest.sessions.logs({ id: session.id });
    expect(logs).toEqual([
      expect.objectContaining({ type: "input", data: "ls -la\n", metadata: { delivered: false } }),
    ]);
  });

  it("resizes, terminates once, and refuses to touch a terminated session", async () => {
    const { nest, onlineMachine, events, listen } = await setup();
    const { machine } = await onlineMachine();
    const { session } = await nest.sessions.create({ machine: machine.id, pty_size: { cols: 80, rows: 24 } });
    listen(session.id);
    expect((await nest.sessions.resize({ id: session.id, cols: 160, rows: 50 })).pty_size).toEqual({
      cols: 160,
      rows: 50,
    });

    const ended = await nest.sessions.remove({ id: session.id });
    expect(ended).toMatchObject({ status: "terminated", exit_code: null, status_message: "Terminated by request" });
    expect(ended.completed_at).not.toBeNull();
    expect(events).toEqual([{ channel: `private-session.${session.id}`, event: "session:terminated", data: {} }]);
    expect((await nest.machines.get({ id: machine.id })).active_sessions_count).toBe(0);

    const terminated = { status: 400, code: "SES_002" };
    await expect(nest.sessions.remove({ id: session.id })).rejects.toMatchObject(terminated);
    await expect(nest.sessions.input({ id: session.id, data: "x" })).rejects.toMatchObject(terminated);
    await expect(nest.sessions.resize({ id: session.id, cols: 80, rows: 24 })).rejects.toMatchObject(terminated);
    await expect(nest.sessions.attachToken({ id: session.id })).rejects.toMatchObject(terminated);
    expect(events).toHaveLength(1);
    expect((await nest.sessions.get({ id: session.id })).status).toBe("terminated");
  });

  it("lists a machine's sessions newest first, by page and by status", async () => {
    const { nest, onlineMachine } = await setup();
    const { machine } = await onlineMachine();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await nest.sessions.create({ machine: machine.id })).session.id);
    await nest.sessions.remove({ id: ids[0]! });

    const first = await nest.sessions.list({ machine: machine.id, per_page: 2 }).withResponse();
    expect(first.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.meta.pagination).toMatchObject({ page: 1, lastPage: 2, perPage: 2, total: 3 });
    const all: Session[] = [];
    for await (const session of nest.sessions.list({ machine: machine.id, per_page: 2 })) all.push(session);
    expect(all.map((s) => s.id)).toEqual([ids[2], ids[1], ids[0]]);

    expect((await nest.sessions.list({ machine: machine.id, status: "terminated" })).map((s) => s.id)).toEqual([
      ids[0],
    ]);
    expect(await nest.sessions.list({ machine: machine.id, status: "created" })).toHaveLength(2);
    await expect(nest.sessions.list({ machine: machine.id, status: "sleeping" as never })).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
    });
  });

  it("answers the most recent logs up to `limit`, oldest first, filtered by type", async () => {
    const { nest, onlineMachine } = await setup();
    const { machine } = await onlineMachine();
    const { session } = await nest.sessions.create({ machine: machine.id });
    for (const data of ["a", "b", "c", "d"]) await nest.sessions.input({ id: session.id, data });

    expect((await nest.sessions.logs({ id: session.id, limit: 2 })).map((l) => l.data)).toEqual(["c", "d"]);
    expect((await nest.sessions.logs({ id: session.id, type: "input" })).map((l) => l.data)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(await nest.sessions.logs({ id: session.id, type: "output" })).toEqual([]);
    await expect(nest.sessions.logs({ id: session.id, limit: 0 })).rejects.toMatchObject({ code: "VAL_001" });
    await expect(nest.sessions.logs({ id: session.id, type: "debug" as never })).rejects.toMatchObject({
      code: "VAL_001",
    });
  });

  it("issues WebSocket tokens that open only their own session, for 24 hours", async () => {
    const { server, nest, onlineMachine, services } = await setup();
    const { machine } = await onlineMachine();
    const one = await nest.sessions.create({ machine: machine.id });
    const two = await nest.sessions.create({ machine: machine.id });

    const attached = await nest.sessions.attachToken({ id: one.session.id });
    expect(attached.session?.id).toBe(one.session.id);
    expect(attached.websocket_token).toMatch(/^ws_/);
    expect(attached.websocket_token).not.toBe(one.websocket_token);
    expect(verifyWebsocketToken(services, attached.websocket_token, one.session.id)).toBe(true);
    expect(verifyWebsocketToken(services, one.websocket_token!, one.session.id)).toBe(true);
    expect(verifyWebsocketToken(services, two.websocket_token!, one.session.id)).toBe(false);
    expect(verifyWebsocketToken(services, server.seedInfo.claudenest!.token!, one.session.id)).toBe(false);
    expect(verifyWebsocketToken(services, "ws_forged", one.session.id)).toBe(false);

    server.clock.advance(DAY_MS);
    expect(verifyWebsocketToken(services, attached.websocket_token, one.session.id)).toBe(false);
  });
});

describe("session access and validation", () => {
  it("needs the caller's own machine, online, with room for another session", async () => {
    const { server, client, nest, onlineMachine } = await setup();
    const { machine } = await onlineMachine(2);
    await expect(nest.sessions.create({ machine: "no-such-machine" })).rejects.toMatchObject({
      status: 404,
      code: "MCH_001",
    });
    await expect(nest.sessions.list({ machine: "no-such-machine" })).rejects.toMatchObject({ code: "MCH_001" });
    const stranger = await otherUser(client);
    await expect(stranger.sessions.create({ machine: machine.id })).rejects.toMatchObject({ code: "MCH_001" });
    await expect(stranger.sessions.list({ machine: machine.id })).rejects.toMatchObject({ code: "MCH_001" });

    const { machine: neverSeen } = await nest.machines.register({ name: "cold", platform: "linux", hostname: "cold" });
    await expect(nest.sessions.create({ machine: neverSeen.id })).rejects.toMatchObject({
      status: 400,
      code: "MCH_002",
      message: expect.stringContaining("Machine is offline"),
    });

    const first = await nest.sessions.create({ machine: machine.id });
    await nest.sessions.create({ machine: machine.id });
    const full = nest.sessions.create({ machine: machine.id });
    await expect(full).rejects.toMatchObject({ status: 422, code: "VAL_001" });
    await expect(full).rejects.toMatchObject({
      details: { machine: ["The machine already runs its maximum of 2 sessions."] },
    });
    expect(await nest.sessions.list({ machine: machine.id })).toHaveLength(2);
    await nest.sessions.remove({ id: first.session.id });
    await nest.sessions.create({ machine: machine.id });

    server.clock.advance(5 * 60 * 1000);
    await expect(nest.sessions.create({ machine: machine.id })).rejects.toMatchObject({ code: "MCH_002" });
  });

  it("validates the request", async () => {
    const { nest, onlineMachine } = await setup();
    const { machine } = await onlineMachine();
    const invalid = { status: 422, code: "VAL_001" };
    await expect(nest.sessions.create({ machine: machine.id, mode: "oneshot" })).rejects.toMatchObject({
      ...invalid,
      details: { initial_prompt: ["The initial_prompt field is required when mode is oneshot."] },
    });
    await expect(nest.sessions.create({ machine: machine.id, mode: "batch" as never })).rejects.toMatchObject(invalid);
    await expect(nest.sessions.create({ machine: machine.id, pty_size: { cols: 5, rows: 40 } })).rejects.toMatchObject(
      invalid,
    );
    const { session } = await nest.sessions.create({ machine: machine.id });
    await expect(nest.sessions.input({ id: session.id, data: "" })).rejects.toMatchObject(invalid);
    await expect(nest.sessions.resize({ id: session.id, cols: 160, rows: 5000 })).rejects.toMatchObject(invalid);
    expect(await nest.sessions.logs({ id: session.id })).toEqual([]);
    expect((await nest.sessions.get({ id: session.id })).pty_size).toEqual({ cols: 120, rows: 40 });
  });

  it("hides other users' sessions and other machines' sessions from a machine token", async () => {
    const { client, nest, onlineMachine } = await setup();
    const { machine, agent } = await onlineMachine();
    const { machine: otherMachine, agent: otherAgent } = await onlineMachine();
    const { session } = await agent.sessions.create({ machine: machine.id });
    expect((await nest.sessions.get({ id: session.id })).id).toBe(session.id);
    await expect(agent.sessions.create({ machine: otherMachine.id })).rejects.toMatchObject({ code: "MCH_001" });

    const notFound = { status: 404, code: "SES_001" };
    await expect(nest.sessions.get({ id: "no-such-session" })).rejects.toMatchObject(notFound);
    const stranger = await otherUser(client);
    for (const caller of [stranger, otherAgent]) {
      await expect(caller.sessions.get({ id: session.id })).rejects.toMatchObject(notFound);
      await expect(caller.sessions.logs({ id: session.id })).rejects.toMatchObject(notFound);
      await expect(caller.sessions.attachToken({ id: session.id })).rejects.toMatchObject(notFound);
      await expect(caller.sessions.input({ id: session.id, data: "x" })).rejects.toMatchObject(notFound);
      await expect(caller.sessions.resize({ id: session.id, cols: 80, rows: 24 })).rejects.toMatchObject(notFound);
      await expect(caller.sessions.remove({ id: session.id })).rejects.toMatchObject(notFound);
    }
    expect(await agent.sessions.logs({ id: session.id })).toEqual([]);
    expect((await agent.sessions.get({ id: session.id })).status).toBe("created");
  });
});

describe("sessions running a command in a PTY", () => {
  it("runs bash interactively: input, live output, resize, terminate", async () => {
    const project = realpathSync(mkdtempSync(join(tmpdir(), "nest-session-")));
    try {
      const { nest, onlineMachine, events, listen } = await setup({ exec: ["bash"] });
      const { machine } = await onlineMachine();
      const { session } = await nest.sessions.create({
        machine: machine.id,
        project_path: project,
        pty_size: { cols: 100, rows: 30 },
      });
      listen(session.id);
      expect(session).toMatchObject({ status: "running", exit_code: null, duration: 0, formatted_duration: "0s" });
      expect(session.pid).toBeGreaterThan(0);
      const pid = session.pid!;

      await nest.sessions.input({ id: session.id, data: "echo hello-$((40+2)); pwd\n" });
      await eventually(
        () => outputOf(nest, session.id),
        (o) => o.includes("hello-42"),
        "hello-42",
      );
      await eventually(
        () => outputOf(nest, session.id),
        (o) => o.includes(project),
        "the project directory",
      );
      const live = events.filter((e) => e.event === "session:output").map((e) => (e.data as { data: string }).data);
      expect(live.join("")).toContain("hello-42");
      expect(await nest.sessions.logs({ id: session.id, type: "input" })).toEqual([
        expect.objectContaining({ data: "echo hello-$((40+2)); pwd\n", metadata: {} }),
      ]);

      const resized = await nest.sessions.resize({ id: session.id, cols: 160, rows: 50 });
      expect(resized.pty_size).toEqual({ cols: 160, rows: 50 });
      await nest.sessions.input({ id: session.id, data: "stty size\n" });
      await eventually(
        () => outputOf(nest, session.id),
        (o) => o.includes("50 160"),
        "the new terminal size",
      );

      const ended = await nest.sessions.remove({ id: session.id });
      expect(ended.status).toBe("terminated");
      expect(events.filter((e) => e.event === "session:terminated")).toEqual([
        { channel: `private-session.${session.id}`, event: "session:terminated", data: {} },
      ]);
      await expect(nest.sessions.remove({ id: session.id })).rejects.toMatchObject({ status: 400, code: "SES_002" });
      await eventually(async () => processGone(pid), Boolean, "bash to exit");
      expect((await nest.sessions.get({ id: session.id })).status).toBe("terminated");
      expect(events.filter((e) => e.event === "session:terminated")).toHaveLength(1);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("ends the session with the exit code when the process exits", async () => {
    const { nest, onlineMachine, events, listen } = await setup({ exec: ["bash"] });
    const { machine } = await onlineMachine();
    const { session } = await nest.sessions.create({ machine: machine.id, project_path: "/no/such/dir" });
    listen(session.id);
    await nest.sessions.input({ id: session.id, data: "exit 3\n" });
    const ended = await eventually(
      () => nest.sessions.get({ id: session.id }),
      (s) => s.status === "terminated",
      "the session to end",
    );
    expect(ended).toMatchObject({ exit_code: 3, status_message: "The process exited with code 3" });
    expect(ended.completed_at).not.toBeNull();
    expect(events.filter((e) => e.event === "session:terminated")).toHaveLength(1);
    expect((await nest.machines.get({ id: machine.id })).active_sessions_count).toBe(0);
  });

  it("refuses a oneshot shell session (its prompt runs as `bash -c`) unless the operator allows arguments", async () => {
    const { nest, onlineMachine } = await setup({ exec: ["bash"] });
    const { machine } = await onlineMachine();
    const refused = nest.sessions.create({ machine: machine.id, mode: "oneshot", initial_prompt: "touch /tmp/x" });
    await expect(refused).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      message: expect.stringContaining("arguments"),
    });
    expect(await nest.sessions.list({ machine: machine.id })).toEqual([]);
  });

  it("runs a oneshot prompt through the command and ends, with --exec-args", async () => {
    const { nest, onlineMachine } = await setup({ exec: ["bash"], execArgs: true });
    const { machine } = await onlineMachine();
    const { session } = await nest.sessions.create({
      machine: machine.id,
      mode: "oneshot",
      initial_prompt: "echo one-$((1+1)); exit 4",
    });
    const ended = await eventually(
      () => nest.sessions.get({ id: session.id }),
      (s) => s.status === "terminated",
      "the oneshot session to end",
    );
    expect(ended.exit_code).toBe(4);
    expect(await outputOf(nest, session.id)).toContain("one-2");
    await expect(nest.sessions.input({ id: session.id, data: "x" })).rejects.toMatchObject({ code: "SES_002" });
  });

  it("writes a headless session's prompt to its input", async () => {
    const { nest, onlineMachine } = await setup({ exec: ["bash"] });
    const { machine } = await onlineMachine();
    const { session } = await nest.sessions.create({
      machine: machine.id,
      mode: "headless",
      initial_prompt: "echo headless-$((2+3))",
    });
    expect(await nest.sessions.logs({ id: session.id, type: "input" })).toEqual([
      expect.objectContaining({ data: "echo headless-$((2+3))\n" }),
    ]);
    await eventually(
      () => outputOf(nest, session.id),
      (o) => o.includes("headless-5"),
      "headless-5",
    );
    expect((await nest.sessions.remove({ id: session.id })).status).toBe("terminated");
  });

  it("stops every process when the server closes or the machine is deleted", async () => {
    const { server, nest, onlineMachine, events, listen } = await setup({ exec: ["bash"] });
    const { machine } = await onlineMachine();
    const { machine: doomed } = await onlineMachine();
    const kept = (await nest.sessions.create({ machine: machine.id })).session;
    const removed = (await nest.sessions.create({ machine: doomed.id })).session;
    listen(removed.id);

    await nest.machines.remove({ id: doomed.id });
    expect(events).toEqual([{ channel: `private-session.${removed.id}`, event: "session:terminated", data: {} }]);
    await eventually(async () => processGone(removed.pid!), Boolean, "the deleted machine's bash to exit");

    expect(processGone(kept.pid!)).toBe(false);
    await server.close();
    expect(processGone(kept.pid!)).toBe(true);
  });

  it("stops every process when the server is reset, and reports nothing about the wiped sessions", async () => {
    const { server, nest, onlineMachine } = await setup({ exec: ["bash"] });
    const { machine } = await onlineMachine();
    const session = (await nest.sessions.create({ machine: machine.id })).session;
    expect(processGone(session.pid!)).toBe(false);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await server.reset();
    } finally {
      console.error = original;
    }
    expect(processGone(session.pid!)).toBe(true);
    expect(errors).toEqual([]);
    expect(server.db.all("SELECT id FROM cn_sessions")).toEqual([]);
  });
});
