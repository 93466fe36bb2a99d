/**
 * @module
 * A fake ClaudeNest machine agent for tests, built on the SDK's agent client (`connectAgent`): it connects to a
 * listening server's `/ws/agent` as a machine, keeps every frame the server sent, and lets a test wait for the
 * next one of a type. It runs nothing: a test answers for it with `agent.send(...)`, as the real agent would.
 */
import { type AgentConnection, type AgentFrame, connectAgent } from "@agentlane/sdk/claudenest";
import { afterEach, beforeEach } from "vitest";
import WebSocket from "ws";
import type { LiteServer, ServerOptions } from "../../../server.ts";
import { startServer } from "./test-support.ts";

/** A connected fake agent. */
export interface FakeAgent {
  connection: AgentConnection;
  /** Every frame the server sent, in order. */
  frames: AgentFrame[];
  /** The next frame of `type` after the `from`-th (by default, after those already seen), waiting for it. */
  next(type: string, from?: number): Promise<AgentFrame>;
}

/**
 * Connects a fake agent for a machine to a server listening at `origin` (its platform mounted under `prefix`);
 * resolves once connected. `connectAgent` options may be overridden (`machineInfo`, `backoff`).
 */
export async function fakeAgent(
  origin: string,
  machine: { id: string; token: string },
  options: Partial<Parameters<typeof connectAgent>[0]> = {},
  prefix = "/claudenest",
): Promise<FakeAgent> {
  const connection = connectAgent({
    serverUrl: `${origin}${prefix}`,
    machineId: machine.id,
    token: machine.token,
    WebSocket,
    heartbeatMs: 0,
    backoff: { minDelay: 10, maxDelay: 50 },
    ...options,
  });
  const frames: AgentFrame[] = [];
  const waiters = new Set<() => void>();
  connection.on("frame", (frame) => {
    frames.push(frame);
    for (const wake of [...waiters]) wake();
  });
  await connection.connected();
  return {
    connection,
    frames,
    next(type, from = frames.length) {
      return new Promise((resolve) => {
        const check = () => {
          const found = frames.slice(from).find((frame) => frame.type === type);
          if (!found) return false;
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      });
    },
  };
}

/**
 * A listening server for each test of the calling file (started before each, closed after it with every fake
 * agent connected through `connect`).
 */
export function agentTestServer(options: ServerOptions = {}) {
  let server: LiteServer | undefined;
  let origin = "";
  const agents: FakeAgent[] = [];
  beforeEach(async () => {
    server = await startServer(options);
    origin = await server.listen(0);
  });
  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.connection.close();
    await server?.close();
  });
  return {
    get server(): LiteServer {
      if (!server) throw new Error("The server starts before each test");
      return server;
    },
    get origin(): string {
      return origin;
    },
    /** A fake agent of `machine`, closed after the test. */
    async connect(machine: { id: string; token: string }, agentOptions: Parameters<typeof fakeAgent>[2] = {}) {
      const agent = await fakeAgent(origin, machine, agentOptions);
      agents.push(agent);
      return agent;
    },
  };
}
