import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WS, { type WebSocket, WebSocketServer } from "ws";
import { isLiveError } from "../../../live/errors.ts";
import { type AgentConnection, connectAgent } from "./connection.ts";
import type { AgentFrame } from "./messages.ts";

interface Arrival {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  socket: WebSocket;
  frames: AgentFrame[];
}

/** A bare `/ws/agent` server: records each connection's URL, headers and frames; closes with 4001 on request. */
async function agentServer() {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const arrivals: Arrival[] = [];
  wss.on("connection", (socket, request) => {
    const arrival: Arrival = { url: request.url ?? "", headers: request.headers, socket, frames: [] };
    arrivals.push(arrival);
    socket.on("message", (raw) => arrival.frames.push(JSON.parse(String(raw)) as AgentFrame));
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/claudenest`,
    arrivals,
    push(arrival: Arrival, type: string, payload: unknown) {
      arrival.socket.send(JSON.stringify({ type, payload, id: `f-${type}`, timestamp: 1 }));
    },
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

const open: AgentConnection[] = [];
const servers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const connection of open.splice(0)) connection.close();
  for (const server of servers.splice(0)) await server.close();
});

async function setup(options: Partial<Parameters<typeof connectAgent>[0]> = {}) {
  const server = await agentServer();
  servers.push(server);
  const agent = connectAgent({
    serverUrl: server.url,
    machineId: "m-1",
    token: "mn_secret",
    WebSocket: WS,
    heartbeatMs: 0,
    backoff: { minDelay: 5, maxDelay: 20 },
    machineInfo: () => ({ hostname: "box", maxSessions: 3 }),
    ...options,
  });
  open.push(agent);
  await agent.connected();
  await vi.waitFor(() => expect(server.arrivals[0]?.frames.length).toBeGreaterThan(0));
  return { server, agent, first: server.arrivals[0]! };
}

describe("connectAgent", () => {
  // ClaudeNest's agent (packages/agent/src/websocket/client.ts) connects to `${serverUrl}/ws/agent` with the
  // `X-Machine-Token` and `X-Machine-ID` headers, and sends `machine:info` once connected (src/agent.ts).
  it("connects to /ws/agent with the machine's headers and tells machine:info in {type, payload, id, timestamp}", async () => {
    const { first } = await setup();
    expect(first.url).toBe("/claudenest/ws/agent");
    expect(first.headers["x-machine-token"]).toBe("mn_secret");
    expect(first.headers["x-machine-id"]).toBe("m-1");
    expect(first.frames[0]).toEqual({
      type: "machine:info",
      payload: { hostname: "box", maxSessions: 3 },
      id: expect.any(String),
      timestamp: expect.any(Number),
    });
  });

  it("puts the credentials in the query when told to", async () => {
    const { first } = await setup({ credentials: "query" });
    expect(first.url).toBe("/claudenest/ws/agent?machine_id=m-1&token=mn_secret");
    expect(first.headers["x-machine-token"]).toBeUndefined();
  });

  it("hands each message to its typed handlers, replies with the request's id, and reports a failing handler", async () => {
    const { server, agent, first } = await setup();
    agent.handle("session:create", ({ sessionId, ptySize }) => {
      agent.send("session:status", { sessionId, status: "running", pid: ptySize.cols });
    });
    agent.handle("file:browse", (_payload, frame) => {
      agent.reply(frame, "file:browse_result", { path: "/home", entries: [] });
    });
    agent.handle("session:input", async () => {
      throw new Error("no such session");
    });
    server.push(first, "session:create", { sessionId: "s-1", ptySize: { cols: 80, rows: 24 } });
    server.push(first, "file:browse", { requestId: "r-9", path: "/home" });
    server.push(first, "session:input", { sessionId: "s-2", data: "x" });
    server.push(first, "ping", { timestamp: 1 });
    await vi.waitFor(() => expect(first.frames.map((f) => f.type)).toContain("pong"));
    await vi.waitFor(() => expect(first.frames.map((f) => f.type)).toContain("error"));
    const byType = new Map(first.frames.map((f) => [f.type, f.payload]));
    expect(byType.get("session:status")).toEqual({ sessionId: "s-1", status: "running", pid: 80 });
    expect(byType.get("file:browse_result")).toEqual({ path: "/home", entries: [], requestId: "r-9" });
    // src/agent.ts handleMessage: a handler error is sent as `error {originalType, message}`.
    expect(byType.get("error")).toEqual({ originalType: "session:input", message: "no such session" });
  });

  // websocket/client.ts startHeartbeat: `ping {timestamp}` every heartbeatInterval while connected.
  it("sends a ping every heartbeatMs while connected", async () => {
    const { first } = await setup({ heartbeatMs: 10 });
    await vi.waitFor(() => expect(first.frames.filter((f) => f.type === "ping").length).toBeGreaterThanOrEqual(2));
    expect(first.frames.find((f) => f.type === "ping")?.payload).toEqual({ timestamp: expect.any(Number) });
  });

  it("reconnects after the connection drops and tells machine:info again", async () => {
    const { server, agent, first } = await setup();
    const statuses: string[] = [];
    agent.on("status", (status) => statuses.push(status));
    first.socket.terminate();
    await vi.waitFor(() => expect(server.arrivals).toHaveLength(2));
    await agent.connected();
    await vi.waitFor(() => expect(server.arrivals[1]!.frames.map((f) => f.type)).toEqual(["machine:info"]));
    expect(statuses).toEqual(["reconnecting", "connected"]);
    expect(agent.send("pong", { timestamp: 2 })).toBe(true);
  });

  it("stops for good when the server refuses the connection (4000–4099)", async () => {
    const { agent, first } = await setup();
    first.socket.close(4001, "The machine token was regenerated");
    await expect(
      new Promise((resolve) => agent.on("status", (status) => status === "closed" && resolve(status))),
    ).resolves.toBe("closed");
    expect(isLiveError(agent.closeError)).toBe(true);
    expect(agent.closeError?.message).toContain("4001");
    await expect(agent.connected()).rejects.toBe(agent.closeError);
    expect(agent.send("ping", { timestamp: 1 })).toBe(false);
  });
});
