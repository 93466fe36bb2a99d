import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import WS, { type WebSocket, WebSocketServer } from "ws";
import { createResyncingWatcher } from "./channel-watcher.ts";
import { isLiveError } from "./errors.ts";
import { WsSubscribeTransport } from "./ws-subscribe.ts";

interface Frame {
  type: string;
  channel?: string;
  filters?: Record<string, unknown>;
}

/** A subscribe-protocol server: acks subscriptions, records frames and query tokens, and can push or drop. */
async function subscribeServer() {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const frames: Frame[] = [];
  const tokens: (string | null)[] = [];
  const sockets = new Set<WebSocket>();
  wss.on("connection", (socket, request) => {
    const token = new URL(request.url ?? "/", "http://x").searchParams.get("token");
    tokens.push(token);
    if (token === "revoked") {
      socket.close(4001, "Token revoked");
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as Frame;
      frames.push(frame);
      if (frame.type !== "subscribe") return;
      if (frame.channel === "forbidden")
        socket.send(JSON.stringify({ type: "error", channel: frame.channel, message: "Not yours", code: 403 }));
      else socket.send(JSON.stringify({ type: "subscribed", channel: frame.channel }));
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    frames,
    tokens,
    push: (message: unknown) => {
      for (const socket of sockets) socket.send(JSON.stringify(message));
    },
    drop: () => {
      for (const socket of sockets) socket.terminate();
    },
    connections: () => sockets.size,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("WsSubscribeTransport", () => {
  it("subscribes with filters, delivers events of its channel, and resubscribes with a fresh token after a drop", async () => {
    const server = await subscribeServer();
    cleanups.push(server.close);
    let n = 0;
    const transport = new WsSubscribeTransport({
      url: server.url.replace("ws:", "http:"),
      WebSocket: WS,
      query: () => ({ token: `t${++n}` }),
      backoff: { minDelay: 5, maxDelay: 20 },
    });
    cleanups.push(() => transport.close());
    let resyncs = 0;
    const watcher = createResyncingWatcher<{ "task.updated": { id: string } }, number>({
      transport,
      channels: [{ name: "tasks", filters: { projectId: "p1" } }],
      resync: async () => ++resyncs,
    });
    cleanups.push(() => watcher.close());
    const updates: string[] = [];
    watcher.on("task.updated", (task) => updates.push(task.id));
    await vi.waitFor(() => expect(watcher.status).toBe("connected"));
    expect(server.frames).toContainEqual({ type: "subscribe", channel: "tasks", filters: { projectId: "p1" } });
    server.push({ type: "task.updated", channel: "tasks", data: { id: "t1" } });
    server.push({ type: "task.updated", channel: "other", data: { id: "x" } });
    await vi.waitFor(() => expect(updates).toEqual(["t1"]));

    server.drop();
    await vi.waitFor(() => expect(resyncs).toBe(2));
    expect(server.tokens).toEqual(["t1", "t2"]);
    server.push({ type: "task.updated", channel: "tasks", data: { id: "t2" } });
    await vi.waitFor(() => expect(updates).toEqual(["t1", "t2"]));
  });

  it("ends a watcher whose subscription is refused, and closes for good on a 4000-4099 close code", async () => {
    const server = await subscribeServer();
    cleanups.push(server.close);
    const transport = new WsSubscribeTransport({ url: server.url, WebSocket: WS, backoff: { minDelay: 5 } });
    cleanups.push(() => transport.close());
    const refused = createResyncingWatcher({ transport, channels: ["forbidden"], resync: async () => 0 });
    const ended = await refused[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(isLiveError(ended)).toBe(true);
    expect(ended).toMatchObject({ status: 403 });

    const revoked = new WsSubscribeTransport({
      url: server.url,
      WebSocket: WS,
      query: () => ({ token: "revoked" }),
      backoff: { minDelay: 5 },
    });
    cleanups.push(() => revoked.close());
    await vi.waitFor(() => expect(revoked.status).toBe("closed"));
    expect(revoked.closeError).toMatchObject({ code: 4001 });
    expect(server.tokens.filter((t) => t === "revoked")).toHaveLength(1);
  });
});
