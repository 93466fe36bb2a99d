import { createServer as createNetServer } from "node:net";
import {
  handlesBackTo,
  liveHandles,
  type RealtimeServer,
  settledHandles,
  startRealtimeServer,
  TOKENS,
} from "@agentlane/testing/test-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { pusherAuthEndpoint } from "./auth-endpoint.ts";
import { createWatcher } from "./channel-watcher.ts";
import { LiveRefusedError, LiveSubscriptionError } from "./errors.ts";
import { PusherTransport, type PusherTransportOptions } from "./pusher-transport.ts";

interface Events {
  "task:claimed": { task: { id: string }; instanceId: string };
  "story:published": { id: number };
  "client-typing": { who: string };
}

let rt: RealtimeServer;
const closers: Array<{ close(): void }> = [];

function transport(options: Partial<PusherTransportOptions> = {}): PusherTransport {
  const t = new PusherTransport({
    url: rt.url,
    appKey: rt.appKey,
    backoff: { minDelay: 10, maxDelay: 50 },
    ...options,
  });
  closers.push(t);
  return t;
}

function watch(channels: string[], t: PusherTransport = transport()) {
  const watcher = createWatcher<Events>({ transport: t, channels });
  closers.push(watcher);
  return watcher;
}

function next<T>(emitter: { once(event: any, fn: (value: T) => void): unknown }, event: string): Promise<T> {
  return new Promise((resolve) => emitter.once(event, resolve));
}

/** A bare Pusher server on `ws` whose behaviour each test scripts; it counts connections and frames. */
async function scriptedServer(onConnection: (ws: WebSocket) => void) {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const state = { connections: 0, frames: [] as Array<{ event: string }> };
  wss.on("connection", (ws) => {
    state.connections++;
    ws.on("message", (raw) => state.frames.push(JSON.parse(raw.toString())));
    onConnection(ws);
  });
  const { port } = wss.address() as { port: number };
  closers.push({
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  });
  return { url: `ws://127.0.0.1:${port}`, state };
}

const established = (activityTimeout = 30) =>
  JSON.stringify({
    event: "pusher:connection_established",
    data: JSON.stringify({ socket_id: "1.1", activity_timeout: activityTimeout }),
  });

beforeEach(async () => {
  rt = await startRealtimeServer();
});

afterEach(async () => {
  for (const c of closers.splice(0).reverse()) c.close();
  await rt.server.close();
});

describe("PusherTransport against server-lite", () => {
  it("delivers server events to listeners and to for await", async () => {
    const watcher = watch(["news"]);
    const iterator = watcher[Symbol.asyncIterator]();
    expect(await next(watcher, "status")).toBe("connected");
    const listened = next(watcher, "story:published");
    rt.server.events.publish("news", "story:published", { id: 1 });
    expect(await listened).toEqual({ id: 1 });
    expect((await iterator.next()).value).toEqual({ event: "story:published", channel: "news", data: { id: 1 } });
  });

  it("authorizes private channels through the auth endpoint, or with the token inline", async () => {
    const viaEndpoint = watch(
      ["private-user.alice"],
      transport({ authorize: pusherAuthEndpoint({ url: rt.authEndpoint, token: TOKENS.alice }) }),
    );
    const inline = watch(["private-user.bob"], transport({ token: async () => TOKENS.bob }));
    await Promise.all([next(viaEndpoint, "status"), next(inline, "status")]);
    const a = next<Events["task:claimed"]>(viaEndpoint, "task:claimed");
    const b = next<Events["task:claimed"]>(inline, "task:claimed");
    rt.server.events.publish("private-user.alice", "task:claimed", { task: { id: "a" }, instanceId: "1" });
    rt.server.events.publish("private-user.bob", "task:claimed", { task: { id: "b" }, instanceId: "2" });
    expect((await a).task.id).toBe("a");
    expect((await b).task.id).toBe("b");
  });

  it("ends a watcher whose channel is refused, through either flow", async () => {
    for (const options of [
      { authorize: pusherAuthEndpoint({ url: rt.authEndpoint, token: TOKENS.alice }) },
      { token: TOKENS.alice },
    ]) {
      const watcher = watch(["private-user.bob"], transport(options));
      const loop = (async () => {
        for await (const _ of watcher) {
          // nothing is expected
        }
      })();
      const error = await loop.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LiveSubscriptionError);
      expect(error).toMatchObject({ channel: "private-user.bob", status: 403 });
      expect(watcher.status).toBe("closed");
    }
  });

  it("relays client events to the other subscribers, not back to the sender, queuing until subscribed", async () => {
    const bob = watch(["private-shared"], transport({ token: TOKENS.bob }));
    await next(bob, "status");
    const alice = transport({ token: TOKENS.alice });
    const aliceSeen: string[] = [];
    const aliceSubscribed = new Promise<void>((resolve) =>
      alice.subscribe("private-shared", { event: (event) => aliceSeen.push(event), subscribed: resolve }),
    );
    // Not connected yet: the event waits for the subscription.
    expect(alice.trigger("private-shared", "client-typing", { who: "early" })).toBe("queued");
    const early = next<Events["client-typing"]>(bob, "client-typing");
    expect(await early).toEqual({ who: "early" });
    await aliceSubscribed;
    expect(alice.trigger("private-shared", "client-typing", { who: "alice" })).toBe("sent");
    expect(await next<Events["client-typing"]>(bob, "client-typing")).toEqual({ who: "alice" });
    const marker = new Promise<void>((resolve) => alice.subscribe("private-shared", { event: () => resolve() }));
    rt.server.events.publish("private-shared", "marker", {});
    await marker;
    expect(aliceSeen).toEqual(["marker"]);
    expect(() => alice.trigger("private-shared", "typing", {})).toThrow(TypeError);
    expect(() => alice.trigger("news", "client-typing", {})).toThrow(TypeError);
  });

  it("close() leaves no socket or timer behind", async () => {
    const before = await settledHandles();
    const watcher = watch(["news"]);
    await next(watcher, "status");
    const got = next(watcher, "story:published");
    rt.server.events.publish("news", "story:published", { id: 2 });
    await got;
    expect(liveHandles().sockets).toBeGreaterThan(before.sockets);
    watcher.close();
    for (const c of closers) c.close();
    expect(await handlesBackTo(before)).toBe(true);
  });
});

describe("PusherTransport reconnection rules", () => {
  it("stops for good on a 4000-4099 close", async () => {
    const server = await scriptedServer((ws) => ws.close(4001, "Application does not exist"));
    const t = transport({ url: server.url });
    const error = await next<Error>(t, "error");
    expect(error).toBeInstanceOf(LiveRefusedError);
    expect(error).toMatchObject({ code: 4001, reason: "Application does not exist" });
    expect(t.status).toBe("closed");
    // Reconnection delays here are 5-50 ms: a dozen would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.state.connections).toBe(1);
  });

  it("reconnects after a 4100-4199 close or a dropped connection, with backoff", async () => {
    const server = await scriptedServer((ws) => ws.close(4100, "Over capacity"));
    const t = transport({ url: server.url, backoff: { minDelay: 5, maxDelay: 20 } });
    await vi.waitFor(() => expect(server.state.connections).toBeGreaterThanOrEqual(3));
    expect(t.status).not.toBe("closed");
  });

  it("answers server pings, and pings an idle server then reconnects when it stays silent", async () => {
    const server = await scriptedServer((ws) => {
      ws.send(established(30));
      ws.send(JSON.stringify({ event: "pusher:ping", data: "{}" }));
    });
    transport({ url: server.url, activityTimeout: 40, pongTimeout: 40 });
    await vi.waitFor(() => expect(server.state.connections).toBeGreaterThanOrEqual(2));
    const events = server.state.frames.map((f) => f.event);
    expect(events).toContain("pusher:pong");
    expect(events).toContain("pusher:ping");
  });

  it("resubscribes every channel on every new connection", async () => {
    const server = await scriptedServer((ws) => {
      ws.send(established());
      // Each connection dies once the client subscribed to both channels.
      let subscribes = 0;
      ws.on("message", (raw) => {
        if (JSON.parse(raw.toString()).event === "pusher:subscribe" && ++subscribes === 2) ws.close(4200, "again");
      });
    });
    const t = transport({ url: server.url });
    t.subscribe("a", { event: () => {} });
    t.subscribe("b", { event: () => {} });
    // Three connections, each with both subscriptions: the frames of the last may arrive after it is counted.
    await vi.waitFor(
      () => {
        expect(server.state.connections).toBeGreaterThanOrEqual(3);
        const subscribed = server.state.frames.filter((f) => f.event === "pusher:subscribe");
        expect(subscribed.length).toBeGreaterThanOrEqual(6);
      },
      { timeout: 15_000 },
    );
  });

  it("close() during a long backoff wait leaves no timer behind", { timeout: 60_000 }, async () => {
    // A port with nothing listening: every attempt fails and the next waits a minute.
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const before = await settledHandles();
    const t = transport({ url: `ws://127.0.0.1:${port}`, backoff: { minDelay: 60_000, maxDelay: 60_000 } });
    const statuses: string[] = [];
    t.on("status", (s) => statuses.push(s));
    // The first attempt fails at once (after the socket library loads); the second waits a minute: wait until
    // that wait has begun, with room for a machine busy enough to make loading and failing take a while.
    await vi.waitFor(() => expect(liveHandles().timers).toBeGreaterThan(before.timers), {
      timeout: 30_000,
      interval: 50,
    });
    t.close();
    expect(await handlesBackTo(before)).toBe(true);
    expect(statuses).toEqual(["closed"]);
  });
});
