import {
  handlesBackTo,
  type RealtimeServer,
  settledHandles,
  startRealtimeServer,
  TOKENS,
} from "@agentlane/testing/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createResyncingWatcher, createWatcher } from "./channel-watcher.ts";
import { LiveError, LiveRefusedError } from "./errors.ts";
import { PusherTransport } from "./pusher-transport.ts";
import type { WatchEvent } from "./watcher.ts";

interface Events {
  "task:claimed": { task: { id: string }; instanceId: string };
  "task:completed": { task: { id: string }; summary: string };
}
interface State {
  version: number;
}

const servers: RealtimeServer[] = [];
const closers: Array<{ close(): void }> = [];

async function start(port = 0): Promise<RealtimeServer> {
  const rt = await startRealtimeServer(port);
  servers.push(rt);
  return rt;
}

afterEach(async () => {
  for (const c of closers.splice(0)) c.close();
  for (const rt of servers.splice(0)) await rt.server.close();
});

/** Resolves once `check` holds. */
function when(check: () => boolean): Promise<void> {
  return vi.waitFor(() => expect(check()).toBe(true), { timeout: 5000, interval: 10 });
}

describe("createResyncingWatcher", () => {
  it("survives a server restart on the same port: reconnects, resubscribes, re-reads the state, gets later events", async () => {
    let rt = await start();
    const port = rt.port;
    const state: State = { version: 1 };
    const watcher = createResyncingWatcher<Events, State>({
      transport: () =>
        new PusherTransport({
          url: rt.url,
          appKey: rt.appKey,
          token: TOKENS.alice,
          backoff: { minDelay: 20, maxDelay: 100 },
        }),
      channels: ["private-user.alice", "news"],
      resync: async () => ({ ...state }),
    });
    closers.push(watcher);
    const statuses: string[] = [];
    watcher.on("status", (s) => statuses.push(s));
    const got: WatchEvent<Events & { resync: State }>[] = [];
    const loop = (async () => {
      for await (const e of watcher) {
        got.push(e);
        if (e.event === "task:completed") return;
      }
    })();

    await when(() => got.length === 1);
    rt.server.events.publish("private-user.alice", "task:claimed", { task: { id: "t1" }, instanceId: "i1" });
    await when(() => got.length === 2);

    await rt.server.close();
    // The task completed while the connection was down: no event will ever say so; the resync must.
    state.version = 2;
    await when(() => watcher.status === "reconnecting");
    // Several attempts fail (delays of 10-100 ms) before the server is back.
    await new Promise((resolve) => setTimeout(resolve, 150));
    rt = await start(port);
    await when(() => got.length === 3);
    rt.server.events.publish("private-user.alice", "task:completed", { task: { id: "t2" }, summary: "done" });
    await loop;

    expect(got).toEqual([
      { event: "resync", data: { version: 1 }, channel: "" },
      { event: "task:claimed", data: { task: { id: "t1" }, instanceId: "i1" }, channel: "private-user.alice" },
      { event: "resync", data: { version: 2 }, channel: "" },
      { event: "task:completed", data: { task: { id: "t2" }, summary: "done" }, channel: "private-user.alice" },
    ]);
    expect(rt.server.events.listenerCount("private-user.alice")).toBe(1);
    expect(rt.server.events.listenerCount("news")).toBe(1);
    watcher.close();
    expect(statuses).toEqual(["connected", "reconnecting", "connected", "closed"]);
  });

  it("holds live events that arrive during a resync and emits them after its state", async () => {
    const rt = await start();
    const transport = new PusherTransport({ url: rt.url, appKey: rt.appKey });
    closers.push(transport);
    let release: ((state: State) => void) | undefined;
    const resyncing = createResyncingWatcher<Events, State>({
      transport,
      channels: ["news"],
      resync: () => new Promise((resolve) => (release = resolve)),
    });
    // A plain watcher on the same transport sees each frame right after the resyncing one.
    const plain = createWatcher<Events>({ transport, channels: ["news"] });
    closers.push(resyncing, plain);
    const order: string[] = [];
    resyncing.on("resync", (s) => order.push(`resync v${s.version}`));
    resyncing.on("task:claimed", (e) => order.push(`claimed ${e.task.id}`));

    await vi.waitFor(() => expect(release).toBeDefined());
    const seen = new Promise((resolve) => plain.once("task:claimed", resolve));
    rt.server.events.publish("news", "task:claimed", { task: { id: "t1" }, instanceId: "i" });
    await seen;
    expect(order).toEqual([]);
    expect(resyncing.status).toBe("connecting");
    release!({ version: 1 });
    await when(() => resyncing.status === "connected");
    expect(order).toEqual(["resync v1", "claimed t1"]);
  });

  it("retries a failed resync and reports the failure", async () => {
    const rt = await start();
    let calls = 0;
    const watcher = createResyncingWatcher<Events, State>({
      transport: () => new PusherTransport({ url: rt.url, appKey: rt.appKey }),
      channels: ["news"],
      resync: async () => {
        if (++calls === 1) throw new Error("503 from the API");
        return { version: calls };
      },
      backoff: { minDelay: 5 },
    });
    closers.push(watcher);
    const errors: Error[] = [];
    watcher.on("error", (e) => errors.push(e));
    const state = await new Promise<State>((resolve) => watcher.once("resync", resolve));
    expect(state).toEqual({ version: 2 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LiveError);
    expect((errors[0]!.cause as Error).message).toBe("503 from the API");
  });

  it("ends with LiveRefusedError when the server refuses the connection (4000-4099)", async () => {
    const rt = await start();
    const watcher = createResyncingWatcher<Events, State>({
      transport: () => new PusherTransport({ url: rt.url, appKey: "no-such-app", backoff: { minDelay: 5 } }),
      channels: ["news"],
      resync: async () => ({ version: 1 }),
    });
    closers.push(watcher);
    const loop = (async () => {
      for await (const _ of watcher) {
        // nothing arrives
      }
    })();
    const error = await loop.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveRefusedError);
    expect(error).toMatchObject({ code: 4001 });
    expect(watcher.status).toBe("closed");
  });

  it("close() during a pending resync aborts it and leaves no socket or timer", async () => {
    const rt = await start();
    const before = await settledHandles();
    let aborted = false;
    const watcher = createResyncingWatcher<Events, State>({
      transport: () => new PusherTransport({ url: rt.url, appKey: rt.appKey, token: TOKENS.bob }),
      channels: ["private-user.bob"],
      resync: (signal) =>
        new Promise(() => {
          signal.addEventListener("abort", () => {
            aborted = true;
          });
        }),
    });
    await vi.waitFor(() => expect(rt.server.events.listenerCount("private-user.bob")).toBe(1));
    watcher.close();
    expect(aborted).toBe(true);
    expect(await handlesBackTo(before)).toBe(true);
    await vi.waitFor(() => expect(rt.server.events.listenerCount("private-user.bob")).toBe(0));
  });
});
