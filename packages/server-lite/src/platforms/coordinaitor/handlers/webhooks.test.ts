import { createHmac } from "node:crypto";
import { NotFoundError } from "@agentlane/sdk";
import { parseWebhookEvent } from "@agentlane/sdk/coordinaitor/contract";
import { constructEvent, createVerifier, isWebhookVerificationError, sign } from "@agentlane/sdk/webhooks";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { CoServices } from "../services.ts";
import { type Receiver, receiver } from "../testing/receiver.ts";
import { coWorld, type World } from "../testing/world.ts";

let w: World;
let r: Receiver;
afterEach(async () => {
  await r?.close();
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

const dispatcherOf = (world: World) => (world.server.services("coordinaitor") as CoServices).webhooks!;

/** The document's own receiver check: it re-serializes the parsed body. */
function documentVerify(payload: string, signature: string | undefined, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(payload).digest("hex");
  return `sha256=${expected}` === signature;
}

describe("webhook subscriptions", () => {
  it("create answers the secret once; list, get, update and delete are the owner's only", async () => {
    w = await coWorld();
    const other = await w.newUser();
    const created = await w.admin.client.webhooks.create({
      url: "http://127.0.0.1:9/hook",
      events: ["task.created"],
      headers: { "X-Team": "core" },
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(await w.admin.client.webhooks.get({ webhookId: created.id })).not.toHaveProperty("secret");
    expect((await w.admin.client.webhooks.list()).map((h) => h.id)).toEqual([created.id]);
    const updated = await w.admin.client.webhooks.update({
      webhookId: created.id,
      active: false,
      events: ["task.failed"],
    });
    expect(updated).toMatchObject({ active: false, events: ["task.failed"], headers: { "X-Team": "core" } });
    expect(await other.client.webhooks.list()).toEqual([]);
    await expect(other.client.webhooks.get({ webhookId: created.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.client.webhooks.delete({ webhookId: created.id })).rejects.toBeInstanceOf(NotFoundError);
    const reserved = await w.admin.client.webhooks
      .create({ url: "http://127.0.0.1:9/", events: ["task.created"], headers: { "X-Orchestrator-Signature": "x" } })
      .catch((e: unknown) => e);
    expect((reserved as { code?: string }).code).toBe("VALIDATION_ERROR");
    await w.admin.client.webhooks.delete({ webhookId: created.id });
    expect(await w.admin.client.webhooks.list()).toEqual([]);
  });
});

describe("webhook deliveries", () => {
  it("POST the exact signed bytes to a real receiver: constructEvent and the document's check both accept", async () => {
    w = await coWorld();
    r = await receiver();
    const secret = "your-webhook-secret";
    const hook = await w.admin.client.webhooks.create({
      url: r.url,
      events: ["task.created", "task.completed"],
      secret,
      headers: { "User-Agent": "Orchestrator-Webhook/1.0" },
    });
    const task = await w.admin.client.tasks.create({ title: "Implement user authentication" });
    await w.admin.client.tasks.patch({ taskId: task.id, status: "completed" });
    await dispatcherOf(w).settled();
    expect(r.received).toHaveLength(2);
    const verifier = createVerifier({ secrets: secret, toleranceSeconds: 300, now: () => w.server.clock.now() });
    const events = [];
    for (const { body, headers } of r.received) {
      const event = await constructEvent({
        body,
        signature: headers["x-orchestrator-signature"] as string,
        timestamp: headers["x-webhook-timestamp"] as string,
        verifier,
        parse: parseWebhookEvent,
      });
      events.push(event);
      expect(
        documentVerify(JSON.stringify(JSON.parse(body)), headers["x-orchestrator-signature"] as string, secret),
      ).toBe(true);
      expect(headers["user-agent"]).toBe("Orchestrator-Webhook/1.0");
      expect(headers["x-webhook-id"]).toMatch(/.+/);
    }
    expect(events.map((e) => e.event)).toEqual(["task.created", "task.completed"]);
    const completed = events[1]!;
    if (completed.event !== "task.completed") throw new Error("unexpected event");
    expect(completed.data).toMatchObject({ id: task.id, status: "completed", agent: null });
    expect(completed.organization.name).toBe("Orchestrator");
    const log = await w.admin.client.webhooks.deliveries({ webhookId: hook.id });
    expect(log.map((d) => [d.event, d.status, d.attempts, d.lastStatusCode])).toEqual([
      ["task.completed", "delivered", 1, 200],
      ["task.created", "delivered", 1, 200],
    ]);
  });

  it("refuses a tampered body, a wrong secret and a stale timestamp", async () => {
    w = await coWorld();
    r = await receiver();
    await w.admin.client.webhooks.create({ url: r.url, events: ["agent.created"], secret: "s3cret-s3cret" });
    await w.admin.client.agents.create({ name: "Bot", type: "qa" });
    await dispatcherOf(w).settled();
    const [{ body, headers }] = r.received as [(typeof r.received)[number]];
    const signature = headers["x-orchestrator-signature"] as string;
    const timestamp = headers["x-webhook-timestamp"] as string;
    const now = () => w.server.clock.now();
    const good = createVerifier({ secrets: ["old-secret", "s3cret-s3cret"], toleranceSeconds: 300, now });
    expect(await good.verify(body, signature, timestamp)).toBe(true);
    expect(await good.verify(body.replace("Bot", "Bob"), signature, timestamp)).toBe(false);
    expect(await createVerifier({ secrets: "wrong-secret", now }).verify(body, signature, timestamp)).toBe(false);
    w.server.clock.advance(301_000);
    const stale = await constructEvent({ body, signature, timestamp, verifier: good, parse: parseWebhookEvent }).catch(
      (e: unknown) => e,
    );
    expect(isWebhookVerificationError(stale)).toBe(true);
  });

  it("retries a failing receiver with backoff on the server clock, then gives up after 6 attempts", async () => {
    w = await coWorld();
    r = await receiver();
    const hook = await w.admin.client.webhooks.create({ url: r.url, events: ["project.created"] });
    r.answers = [500, 503];
    await w.admin.client.projects.create({ name: "Retried" });
    const dispatcher = dispatcherOf(w);
    await dispatcher.settled();
    for (let i = 0; i < 2; i++) {
      w.server.clock.advance(10 * 60_000);
      await dispatcher.settled();
    }
    let [delivery] = await w.admin.client.webhooks.deliveries({ webhookId: hook.id });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });

    r.answers = Array(10).fill(500);
    await w.admin.client.projects.create({ name: "Doomed" });
    await dispatcher.settled();
    for (let i = 0; i < 8; i++) {
      w.server.clock.advance(60 * 60_000);
      await dispatcher.settled();
    }
    [delivery] = await w.admin.client.webhooks.deliveries({ webhookId: hook.id });
    expect(delivery).toMatchObject({ status: "failed", attempts: 6, lastStatusCode: 500, nextAttemptAt: null });
    expect(r.received).toHaveLength(3 + 6);
    const health = await w.admin.client.system.health();
    expect(health.services.webhooks).toMatchObject({ failed: 1 });
  });

  it("a receiver that hangs never slows an API call", async () => {
    w = await coWorld();
    r = await receiver();
    r.hold = true;
    await w.admin.client.webhooks.create({ url: r.url, events: ["task.created", "task.updated"] });
    const task = await w.admin.client.tasks.create({ title: "first" });
    for (let i = 0; i < 2000 && r.received.length === 0; i++) await new Promise((done) => setTimeout(done, 5));
    expect(r.received).toHaveLength(1);
    // The first delivery is still unanswered; the next calls answer regardless.
    await w.admin.client.tasks.patch({ taskId: task.id, progress: 0.5 });
    await w.admin.client.tasks.create({ title: "second" });
    const [pending] = await w.admin.client.webhooks
      .deliveries({ webhookId: (await w.admin.client.webhooks.list())[0]!.id, limit: 3 })
      .then((l) => l.slice(-1));
    expect(pending?.status).toBe("pending");
    r.hold = false;
    r.release();
    await dispatcherOf(w).settled();
    const log = await w.admin.client.webhooks.deliveries({ webhookId: (await w.admin.client.webhooks.list())[0]!.id });
    expect(log.map((d) => d.status)).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("sends an event only to subscribers who may see the resource", async () => {
    w = await coWorld();
    r = await receiver();
    const stranger = await w.newUser("developer", "stranger");
    await stranger.client.webhooks.create({ url: r.url, events: ["task.created"] });
    await w.admin.client.tasks.create({ title: "private" });
    const mine = await stranger.client.tasks.create({ title: "mine" });
    await dispatcherOf(w).settled();
    expect(r.received.map((d) => JSON.parse(d.body).data.id)).toEqual([mine.id]);
  });

  it("emits all ten documented events, each parsed by the typed union", async () => {
    w = await coWorld();
    r = await receiver();
    await w.admin.client.webhooks.create({
      url: r.url,
      events: [
        "task.created",
        "task.updated",
        "task.completed",
        "task.failed",
        "task.assigned",
        "agent.created",
        "agent.status_changed",
        "project.created",
        "project.completed",
        "user.registered",
      ],
    });
    await w.newUser("developer", "newcomer");
    const agent = await w.admin.client.agents.create({ name: "Bot", type: "coding" });
    const project = await w.admin.client.projects.create({ name: "P" });
    const a = await w.admin.client.tasks.create({ title: "a", projectId: project.id });
    await w.admin.client.tasks.assign({ taskId: a.id, agentId: agent.id });
    await w.admin.client.tasks.patch({ taskId: a.id, status: "failed" });
    const b = await w.admin.client.tasks.create({ title: "b" });
    await w.admin.client.tasks.patch({ taskId: b.id, status: "completed" });
    await w.admin.client.projects.update({ projectId: project.id, status: "completed" });
    await dispatcherOf(w).settled();
    const names = r.received.map(({ body }) => parseWebhookEvent(JSON.parse(body)).event);
    expect(new Set(names)).toEqual(
      new Set([
        "user.registered",
        "agent.created",
        "project.created",
        "task.created",
        "task.updated",
        "task.assigned",
        "agent.status_changed",
        "task.failed",
        "task.completed",
        "project.completed",
      ]),
    );
  });

  it("random bodies and signatures never verify without the secret", async () => {
    const verifier = createVerifier({ secrets: "the-real-secret" });
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string({ minLength: 1 }), async (body, guess, otherSecret) => {
        if (otherSecret === "the-real-secret") return;
        expect(await verifier.verify(body, guess)).toBe(false);
        expect(await verifier.verify(body, `sha256=${guess}`)).toBe(false);
        expect(await verifier.verify(body, await sign(body, otherSecret))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
