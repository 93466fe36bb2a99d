import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Task } from "@agentlane/sdk/coordinaitor";
import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { contract } from "@agentlane/sdk/coordinaitor/contract";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../server.ts";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./seed.ts";
import { cuttableProxy } from "./testing/proxy.ts";
import { clientFor, coWorld, type World } from "./testing/world.ts";

const fast = { backoff: { minDelay: 10, maxDelay: 50 } };
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** Resolves once `check` holds, polling on the event loop (no fixed sleep decides the outcome). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function networkClient(origin: string, token?: string): CoordinAItor {
  return new CoordinAItor({
    baseUrl: `${origin}/coordinaitor`,
    validate: { contract },
    retry: 0,
    ...(token ? { token } : {}),
    realtime: fast,
  });
}

async function listening(): Promise<{ w: World; origin: string }> {
  const w = await coWorld();
  const origin = await w.server.listen();
  cleanup.push(() => w.close());
  return { w, origin };
}

describe("/ws", () => {
  it("refuses an upgrade without a valid token with HTTP 401", async () => {
    const { origin } = await listening();
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${origin}${path}`, {
          headers: {
            connection: "Upgrade",
            upgrade: "websocket",
            "sec-websocket-version": "13",
            "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
          },
        });
        req.on("response", (res) => resolve(res.statusCode ?? 0));
        req.on("upgrade", (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status("/coordinaitor/ws")).toBe(401);
    expect(await status("/coordinaitor/ws?token=nonsense")).toBe(401);
  });

  it("tasks.watch: update and completed as the document's example, also with for await", async () => {
    const { w, origin } = await listening();
    const client = networkClient(origin, w.admin.client.tokens.accessToken);
    const task = await client.tasks.create({ title: "Build user registration", priority: "high" });
    const watcher = client.tasks.watch(task.id);
    cleanup.push(() => watcher.close());
    const progress: number[] = [];
    let completed: Task | undefined;
    watcher.on("update", (t) => progress.push(t.progress));
    watcher.on("completed", (t) => {
      completed = t;
    });
    await until(() => watcher.status === "connected" && progress.length === 1, "the first read");
    await client.tasks.patch({ taskId: task.id, status: "active", progress: 0.4 });
    await until(() => progress.includes(0.4), "the live update");
    await client.tasks.patch({ taskId: task.id, status: "completed" });
    await until(() => completed !== undefined, "completion");
    expect(completed?.progress).toBe(1);
    expect(progress).toEqual([0, 0.4, 1]);

    const second = await client.tasks.create({ title: "Iterated" });
    const iterated = client.tasks.watch(second.id);
    cleanup.push(() => iterated.close());
    const seen: string[] = [];
    const loop = (async () => {
      for await (const { event, data } of iterated) {
        seen.push(`${event}:${(data as Task).status}`);
        if (event === "completed") break;
      }
    })();
    await until(() => seen.length === 1, "the first read");
    await client.tasks.patch({ taskId: second.id, status: "completed" });
    await loop;
    expect(seen).toEqual(["update:pending", "update:completed", "completed:completed"]);
  });

  it("sends nothing of a task to a user who may not see it", async () => {
    const { w, origin } = await listening();
    const stranger = await w.newUser("developer", "stranger");
    const owner = networkClient(origin, w.admin.client.tokens.accessToken);
    const secret = await owner.tasks.create({ title: "secret" });
    const mine = await stranger.client.tasks.create({ title: "mine" });
    const ws = new WebSocket(
      `${origin.replace("http", "ws")}/coordinaitor/ws?token=${stranger.client.tokens.accessToken}`,
    );
    cleanup.push(() => ws.close());
    const frames: Array<{ type: string; data?: { id?: string } }> = [];
    ws.onmessage = (m) => frames.push(JSON.parse(String(m.data)));
    await new Promise((r) => {
      ws.onopen = r;
    });
    ws.send(JSON.stringify({ type: "subscribe", channel: "tasks" }));
    await until(() => frames.some((f) => f.type === "subscribed"), "the subscription");
    await owner.tasks.patch({ taskId: secret.id, progress: 0.5 });
    await stranger.client.tasks.patch({ taskId: mine.id, progress: 0.5 });
    // Frames of one socket arrive in order: once the later event is here, the earlier one was never sent.
    await until(() => frames.some((f) => f.data?.id === mine.id), "the stranger's own event");
    expect(frames.filter((f) => f.data?.id === secret.id)).toEqual([]);
    ws.send(JSON.stringify({ type: "subscribe", channel: "nope" }));
    ws.send(JSON.stringify({ type: "bogus" }));
    await until(() => frames.filter((f) => f.type === "error").length === 2, "two errors");
  });

  it("a logout closes the connections its session opened (4001), and the watcher ends", async () => {
    const { w, origin } = await listening();
    const dev = await w.newUser("developer", "leaver");
    const client = networkClient(origin, dev.client.tokens.accessToken);
    const task = await dev.client.tasks.create({ title: "mine" });
    const watcher = client.tasks.watch(task.id);
    cleanup.push(() => watcher.close());
    const errors: Error[] = [];
    watcher.on("error", (e) => errors.push(e));
    await until(() => watcher.status === "connected", "connected");
    await dev.client.logout();
    await until(() => watcher.status === "closed", "the watcher to end");
    expect(errors.map((e) => e.name)).toContain("LiveRefusedError");
  });

  it("closes a connection whose token expired at its next event, and sends it nothing more", async () => {
    const { w, origin } = await listening();
    const token = w.admin.client.tokens.accessToken!;
    const task = await w.admin.client.tasks.create({ title: "expiring" });
    const ws = new WebSocket(`${origin.replace("http", "ws")}/coordinaitor/ws?token=${token}`);
    cleanup.push(() => ws.close());
    const frames: Array<{ type: string }> = [];
    let closed: number | undefined;
    ws.onmessage = (m) => frames.push(JSON.parse(String(m.data)));
    ws.onclose = (e) => {
      closed = e.code;
    };
    await new Promise((r) => {
      ws.onopen = r;
    });
    ws.send(JSON.stringify({ type: "subscribe", channel: "tasks" }));
    await until(() => frames.some((f) => f.type === "subscribed"), "the subscription");
    w.server.clock.advance(3601 * 1000);
    const fresh = clientFor(w.server);
    await fresh.login({ email: w.admin.email, password: w.admin.password });
    await fresh.tasks.patch({ taskId: task.id, progress: 0.5 });
    await until(() => closed !== undefined, "the close");
    expect(closed).toBe(1008);
    expect(frames.filter((f) => f.type === "task.updated")).toEqual([]);
  });

  it("a completion missed while the connection was down is delivered after reconnecting", async () => {
    const { w, origin } = await listening();
    const proxy = await cuttableProxy(origin);
    cleanup.push(() => proxy.close());
    const client = networkClient(proxy.url, w.admin.client.tokens.accessToken);
    const task = await w.admin.client.tasks.create({ title: "flaky network" });
    const watcher = client.tasks.watch(task.id);
    cleanup.push(() => watcher.close());
    const events: string[] = [];
    watcher.on("update", (t) => events.push(`update:${t.status}`));
    watcher.on("completed", () => events.push("completed"));
    await until(() => watcher.status === "connected" && events.length === 1, "connected");
    proxy.down();
    await until(() => watcher.status === "reconnecting", "the drop");
    await w.admin.client.tasks.patch({ taskId: task.id, status: "completed" });
    proxy.up();
    await until(() => events.includes("completed"), "the missed completion");
    expect(events).toEqual(["update:pending", "update:completed", "completed"]);
  });

  it("follows a task across a server restart on the same database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coordinaitor-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, "db.sqlite");
    const first: LiteServer = await createServer({ db, seed: true });
    const origin = await first.listen();
    const port = Number(new URL(origin).port);
    const admin = clientFor(first);
    await admin.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const client = networkClient(origin, admin.tokens.accessToken);
    const task = await client.tasks.create({ title: "survives restarts" });
    const watcher = client.tasks.watch(task.id);
    cleanup.push(() => watcher.close());
    let done = false;
    watcher.on("completed", () => {
      done = true;
    });
    await until(() => watcher.status === "connected", "connected");
    await first.close();
    const second = await createServer({ db });
    cleanup.push(() => second.close());
    await clientFor(second, { token: admin.tokens.accessToken! }).tasks.patch({ taskId: task.id, status: "completed" });
    await second.listen(port);
    await until(() => done, "the completion after the restart");
  });
});
