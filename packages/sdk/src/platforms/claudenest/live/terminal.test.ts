import { handlesBackTo, type NestOnLoopback, settledHandles, startNest } from "@agentlane/testing/claudenest-loopback";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import type { ClaudeNest } from "../client.ts";
import type { SessionTerminal } from "./terminal.ts";

/** Live conditions wait this long: a subscription authorizes every channel naming first, on a loaded machine. */
const LIVE = { timeout: 10_000, interval: 10 };

const nests: NestOnLoopback[] = [];
const terminals: SessionTerminal[] = [];

afterEach(async () => {
  for (const terminal of terminals.splice(0)) terminal.close();
  for (const nest of nests.splice(0)) await nest.server.close();
});

async function start(): Promise<{ nest: ClaudeNest; loopback: NestOnLoopback; sessionId: string }> {
  const loopback = await startNest({ exec: ["bash"] });
  nests.push(loopback);
  const nest = loopback.client();
  const { session } = await nest.sessions.create({ machine: loopback.machine.id });
  return { nest, loopback, sessionId: session.id };
}

function attach(nest: ClaudeNest, sessionId: string, options?: Parameters<ClaudeNest["sessions"]["attach"]>[1]) {
  const terminal = nest.sessions.attach(sessionId, options);
  terminals.push(terminal);
  let text = "";
  terminal.on("output", (chunk) => {
    text += chunk;
  });
  return {
    terminal,
    get text() {
      return text;
    },
    /** Resolves once the output contains `needle`. */
    until: (needle: string) =>
      vi.waitFor(() => expect(text).toContain(needle), { timeout: 10_000, interval: 10 }).then(() => text),
  };
}

const outputLogs = async (nest: ClaudeNest, id: string) =>
  (await nest.sessions.logs({ id, type: "output", limit: 10_000 })).map((log) => log.data).join("");

describe("nest.sessions.attach", () => {
  it("replays earlier output to a late attach, then streams, writes, resizes and exits", async () => {
    const { nest, sessionId } = await start();
    await nest.sessions.input({ id: sessionId, data: "echo before-$((20+1))\n" });
    await vi.waitFor(async () => expect(await outputLogs(nest, sessionId)).toContain("before-21"), {
      timeout: 10_000,
    });

    const stream = attach(nest, sessionId);
    const { terminal, until } = stream;
    // The earlier output comes first, from the logs.
    await until("before-21");
    await vi.waitFor(() => expect(terminal.status).toBe("connected"), LIVE);
    expect(terminal.write("echo after-$((40+2))\n")).toBe(true);
    await until("after-42");
    expect(terminal.resize(100, 33)).toBe(true);
    terminal.write("stty size\n");
    await until("33 100");
    expect((await nest.sessions.get({ id: sessionId })).pty_size).toEqual({ cols: 100, rows: 33 });

    const exits: unknown[] = [];
    terminal.on("exit", (exit) => exits.push(exit));
    expect(terminal.terminate()).toBe(true);
    const exit = await terminal.exited;
    expect(exit).toMatchObject({ exitCode: null, session: { id: sessionId, status: "terminated" } });
    expect(exits).toEqual([exit]);
    expect(terminal.status).toBe("closed");
    // Exactly what the session wrote, once each, in order.
    expect(stream.text).toBe(await outputLogs(nest, sessionId));
  });

  it("is an async iterable of output chunks that ends when the session exits with its code", async () => {
    const { nest, sessionId } = await start();
    const terminal = nest.sessions.attach(sessionId);
    terminals.push(terminal);
    terminal.write("echo iter-$((3*3)); exit 7\n");
    let text = "";
    for await (const chunk of terminal) text += chunk;
    expect(text).toContain("iter-9");
    expect(await terminal.exited).toMatchObject({ exitCode: 7, session: { status: "terminated", exit_code: 7 } });
  });

  it("catches up after a dropped connection without losing or repeating output", async () => {
    const { nest, loopback, sessionId } = await start();
    let offline = false;
    const sockets: WebSocket[] = [];
    // A WebSocket whose connections the test can cut, and keep from coming back while `offline`.
    class CuttableWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(offline ? "ws://127.0.0.1:1/app/claudenest" : url, protocols);
        sockets.push(this);
      }
    }
    const client = loopback.client({
      realtime: { url: `${loopback.url}/claudenest`, WebSocket: CuttableWebSocket, backoff: { minDelay: 20 } },
    });
    const stream = attach(client, sessionId);
    const { terminal, until } = stream;
    const statuses: string[] = [];
    terminal.on("status", (status) => statuses.push(status));
    terminal.write("for i in 1 2 3; do echo first-$i; done\n");
    await until("first-3");

    offline = true;
    sockets.at(-1)!.terminate();
    await vi.waitFor(() => expect(terminal.status).toBe("reconnecting"), LIVE);
    // Written while nobody listens: only the logs have it.
    await nest.sessions.input({ id: sessionId, data: "for i in 1 2 3; do echo missed-$i; done\n" });
    await vi.waitFor(async () => expect(await outputLogs(nest, sessionId)).toContain("missed-3"), {
      timeout: 10_000,
    });
    expect(stream.text).not.toContain("missed-1");
    offline = false;
    await until("missed-3");
    await vi.waitFor(() => expect(terminal.status).toBe("connected"), LIVE);
    terminal.write("echo back-$((5+5))\n");
    await until("back-10");

    // bash may still be printing its prompt: the stream must come to equal the logs exactly (a lost or
    // repeated chunk never would).
    await vi.waitFor(async () => expect(stream.text).toBe(await outputLogs(nest, sessionId)), LIVE);
    expect(statuses).toEqual(["connected", "reconnecting", "connected"]);
  });

  it("joins the replay and the live chunks it also contains without repeating them", async () => {
    const { nest, loopback, sessionId } = await start();
    let first = true;
    // The first log read is held back until the session has written more: output both the live stream
    // (held while the read is pending) and the logs carry.
    const client = loopback.client({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (first && new URL(request.url).pathname.endsWith("/logs")) {
          first = false;
          await nest.sessions.input({ id: sessionId, data: "echo overlap-$((8*8))\n" });
          await vi.waitFor(async () => expect(await outputLogs(nest, sessionId)).toContain("overlap-64"), {
            timeout: 10_000,
          });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return loopback.server.fetch(request);
      },
    });
    const stream = attach(client, sessionId);
    await stream.until("overlap-64");
    await vi.waitFor(() => expect(stream.terminal.status).toBe("connected"), LIVE);
    stream.terminal.write("echo later-$((9*9))\n");
    await stream.until("later-81");
    await vi.waitFor(async () => expect(stream.text).toBe(await outputLogs(nest, sessionId)), LIVE);
    expect(stream.text.split("overlap-64")).toHaveLength(2);
  });

  it("shows the output and the end of a session that ended before the attach", async () => {
    const { nest, sessionId } = await start();
    await nest.sessions.input({ id: sessionId, data: "echo gone-$((1+1)); exit 3\n" });
    await vi.waitFor(async () => expect((await nest.sessions.get({ id: sessionId })).status).toBe("terminated"), {
      timeout: 10_000,
    });
    const stream = attach(nest, sessionId);
    const { terminal } = stream;
    expect(await terminal.exited).toMatchObject({ exitCode: 3 });
    expect(stream.text).toContain("gone-2");
    expect(terminal.write("ls\n")).toBe(false);
  });

  it("replays only the latest entries asked for, and nothing with replay: 0", async () => {
    const { nest, sessionId } = await start();
    // A prompt of the test's own, so that it can tell when bash has finished printing after each command
    // (under load the prompt may come after the next command's echo, and a machine's own prompt may be empty).
    await nest.sessions.input({ id: sessionId, data: "PS1='ps1> '; unset PROMPT_COMMAND; echo old-$((6+6))\n" });
    /** What follows the last `marker` (never the echoed command line, which holds the prompt's text too). */
    const afterLast = (text: string, marker: string) =>
      text.includes(marker) ? text.slice(text.lastIndexOf(marker) + marker.length) : "";
    await vi.waitFor(
      async () => expect(afterLast(await outputLogs(nest, sessionId), "old-12\r\n")).toContain("ps1> "),
      { timeout: 10_000 },
    );
    const quiet = attach(nest, sessionId, { replay: 0 });
    await vi.waitFor(() => expect(quiet.terminal.status).toBe("connected"), LIVE);
    quiet.terminal.write("echo new-$((7+7))\n");
    await quiet.until("new-14");
    expect(quiet.text).not.toContain("old-12");
    // The latest entry is final once the prompt printed after new-14 has been logged.
    await vi.waitFor(
      async () => expect(afterLast(await outputLogs(nest, sessionId), "new-14\r\n")).toContain("ps1> "),
      { timeout: 10_000 },
    );
    const logs = await nest.sessions.logs({ id: sessionId, type: "output" });
    const last = attach(nest, sessionId, { replay: 1 });
    await vi.waitFor(() => expect(last.terminal.status).toBe("connected"), LIVE);
    expect(last.text).toBe(logs.at(-1)!.data);
  });

  it("ends with the refusal when the session is not the caller's", async () => {
    const { loopback, sessionId } = await start();
    const stranger = await startNestUser(loopback);
    // The document's naming asks for a `ws_` token first, which the session's API refuses (SES_001); the default
    // naming authorizes both channel names at the auth endpoints, which refuse another user's channel (403).
    for (const [channels, refusal] of [
      ["document", { status: 404, cause: { code: "SES_001" } }],
      ["both", { status: 403 }],
    ] as const) {
      const terminal = loopback.client({ token: stranger.token, realtime: { channels } }).sessions.attach(sessionId);
      terminals.push(terminal);
      const errors: Error[] = [];
      terminal.on("error", (error) => errors.push(error));
      expect(await terminal.exited).toBeUndefined();
      expect(terminal.status).toBe("closed");
      expect(errors.at(-1)).toMatchObject(refusal);
    }
  });

  it("close() leaves no socket or timer behind", async () => {
    const { nest, sessionId } = await start();
    const before = await settledHandles();
    const { terminal, until } = attach(nest, sessionId);
    terminal.write("echo open-$((2*4))\n");
    await until("open-8");
    terminal.close();
    expect(terminal.status).toBe("closed");
    expect(await terminal.exited).toBeUndefined();
    expect(await handlesBackTo(before)).toBe(true);
    // The session goes on: closing a stream is not terminating the session.
    expect((await nest.sessions.get({ id: sessionId })).status).toBe("running");
  });
});

/** Another user of the same server. */
async function startNestUser(loopback: NestOnLoopback): Promise<{ token: string }> {
  const anonymous = loopback.client({ token: "" });
  const { token } = await anonymous.auth.register({
    name: "Mallory",
    email: `mallory-${Date.now()}@example.test`,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
  return { token };
}
