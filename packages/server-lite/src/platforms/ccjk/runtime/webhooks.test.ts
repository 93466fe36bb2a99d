import { createHmac } from "node:crypto";
import { type WebhookEvent, webhookEvents } from "@agentlane/sdk/ccjk/contract";
import { constructEvent, createVerifier } from "@agentlane/sdk/webhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, START, startCCJK, type TestAccount } from "../testing/harness.ts";
import { type Receiver, startReceiver } from "../testing/receiver.ts";

let h: CCJKHarness;
let receiver: Receiver;
let me: TestAccount;
beforeEach(async () => {
  h = await startCCJK();
  receiver = await startReceiver();
  me = h.account();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
  expect(h.unexpected).toEqual([]);
});

const SECRET = "your-webhook-secret";
const settled = () => h.services.webhooks.dispatcher.settled();

/** The document's own receiver (§10 Webhook Security), verbatim. */
function verifyWebhook(payload: string, signature: string, secret: string): boolean {
  const hmac = createHmac("sha256", secret);
  hmac.update(payload);
  const digest = hmac.digest("hex");
  return signature === `sha256=${digest}`;
}

async function eventsReceived(): Promise<WebhookEvent[]> {
  const verifier = createVerifier({ secrets: SECRET, toleranceSeconds: 300, now: () => h.server.clock.now() });
  return Promise.all(
    receiver.received.map((r) =>
      constructEvent({
        body: r.body,
        signature: r.headers["x-ccjk-signature"] as string,
        timestamp: r.headers["x-webhook-timestamp"] as string,
        verifier,
        parse: (json) => webhookEvents.parse(json),
      }),
    ),
  );
}

describe("§10 webhooks", () => {
  it("subscribes a URL, echoing the secret, or making one", async () => {
    const hook = await me.ccjk.webhooks.create({
      url: `${receiver.url}/ccjk`,
      events: ["task.completed"],
      secret: SECRET,
    });
    expect(hook).toEqual({
      webhookId: expect.stringMatching(/^wh_/),
      url: `${receiver.url}/ccjk`,
      events: ["task.completed"],
      secret: SECRET,
      active: true,
    });
    expect(
      (await me.ccjk.webhooks.create({ url: "https://example.com/h", events: ["sync.completed"] })).secret,
    ).toMatch(/^whsec_/);
    await expect(
      me.ccjk.webhooks.create({ url: "ftp://example.com", events: ["nope" as "sync.completed"] }),
    ).rejects.toMatchObject({
      status: 400,
      details: { url: [expect.any(String)], "events.0": [expect.any(String)] },
    });
  });

  it("delivers task.completed signed over the exact bytes: the SDK's verifier and the document's snippet accept it", async () => {
    await me.ccjk.webhooks.create({ url: `${receiver.url}/ccjk`, events: ["task.completed"], secret: SECRET });
    const { taskId } = await me.ccjk.agents.createTask({
      agentRole: "ccjk-template-engine",
      task: { name: "Write templates", type: "docs", input: { files: ["templates/zh-CN/README.md"] } },
    });
    h.server.clock.advance(121_000);
    await settled();
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers).toMatchObject({
      "content-type": "application/json",
      "x-webhook-event": "task.completed",
      "x-webhook-timestamp": String(Math.floor((START + 121_000) / 1000)),
      "x-ccjk-signature": expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    const [event] = await eventsReceived();
    expect(event).toEqual({
      event: "task.completed",
      timestamp: new Date(START + 121_000).toISOString(),
      data: {
        taskId,
        status: "completed",
        output: {
          files: ["templates/zh-CN/README.md"],
          messages: expect.arrayContaining(['Completed "Write templates"']),
          result: expect.any(Object),
        },
      },
    });
    const signature = delivery!.headers["x-ccjk-signature"] as string;
    expect(verifyWebhook(delivery!.body, signature, SECRET)).toBe(true);
    // A receiver that re-serializes the parsed body, as the snippet invites, gets the same bytes.
    expect(verifyWebhook(JSON.stringify(JSON.parse(delivery!.body)), signature, SECRET)).toBe(true);
    expect(verifyWebhook(delivery!.body, signature, "another-secret")).toBe(false);
    await expect(
      constructEvent({
        body: delivery!.body.replace("completed", "failed"),
        signature,
        verifier: createVerifier({ secrets: SECRET }),
        parse: (json) => webhookEvents.parse(json),
      }),
    ).rejects.toMatchObject({ name: "WebhookVerificationError" });
  });

  it("delivers conflict.detected and sync.completed, only to the account's subscriptions for those events", async () => {
    await me.ccjk.webhooks.create({
      url: `${receiver.url}/sync`,
      events: ["sync.completed", "conflict.detected"],
      secret: SECRET,
    });
    await me.ccjk.webhooks.create({ url: `${receiver.url}/tasks-only`, events: ["task.completed"], secret: SECRET });
    const other = h.account();
    await other.ccjk.webhooks.create({ url: `${receiver.url}/other`, events: ["sync.completed"], secret: SECRET });

    await me.ccjk.sync.setConfig({ provider: "s3", conflictStrategy: "manual" });
    const at = START - 60_000;
    h.services.sync.setItem(me.accountId, "local", { type: "skills", id: "skill-code-reviewer", content: "a" });
    h.services.sync.setItem(me.accountId, "remote", {
      type: "skills",
      id: "skill-code-reviewer",
      content: "b",
      version: "2.1.0",
      modifiedAt: at,
    });
    const { syncId, estimatedDuration } = await me.ccjk.sync.start({});
    h.server.clock.advance(estimatedDuration * 1000);
    await settled();
    expect(receiver.received.map((r) => r.path)).toEqual(["/sync", "/sync"]);
    const events = await eventsReceived();
    expect(events[0]).toMatchObject({
      event: "conflict.detected",
      data: {
        conflictId: expect.stringMatching(/^conflict_/),
        itemId: "skill-code-reviewer",
        type: "skills",
        localVersion: { version: "", modifiedAt: new Date(START).toISOString() },
        remoteVersion: { version: "2.1.0", modifiedAt: new Date(at).toISOString() },
      },
    });
    expect(events[1]).toEqual({
      event: "sync.completed",
      timestamp: new Date(START + estimatedDuration * 1000).toISOString(),
      data: { syncId, status: "completed", results: { pushed: 0, pulled: 0, conflicts: 1 } },
    });
  });

  it("a task's webhookUrl subscribes a URL to that task only", async () => {
    const first = await me.ccjk.agents.createTask({
      agentRole: "ccjk-devops-engineer",
      task: { name: "ci", type: "docs" },
    });
    const second = await me.ccjk.agents.createTask({
      agentRole: "ccjk-config-architect",
      task: { name: "cfg", type: "docs" },
    });
    const subscribe = (body: unknown, token = me.key) =>
      h.server.fetch(
        new Request(first.webhookUrl, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const response = await subscribe({ url: `${receiver.url}/one`, secret: SECRET });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({
      events: ["task.completed"],
      taskId: first.taskId,
      active: true,
    });
    expect((await subscribe({ url: "not a url" })).status).toBe(400);
    const strangers = await subscribe({ url: `${receiver.url}/x` }, h.account().key);
    expect(strangers.status).toBe(404);
    expect((await strangers.json()).error.code).toBe("RESOURCE_NOT_FOUND");
    expect((await subscribe({ url: `${receiver.url}/x` }, "ccjk_nobody")).status).toBe(401);

    h.server.clock.advance(200_000);
    await settled();
    const events = await eventsReceived();
    expect(events.map((e) => (e.event === "task.completed" ? e.data.taskId : ""))).toEqual([first.taskId]);
    expect(second.taskId).not.toBe(first.taskId);
  });

  it("retries a failed delivery with backoff on the server clock, and logs every attempt", async () => {
    const hook = await me.ccjk.webhooks.create({
      url: `${receiver.url}/flaky`,
      events: ["task.completed"],
      secret: SECRET,
    });
    receiver.status = 500;
    await me.ccjk.agents.createTask({ agentRole: "security-specialist", task: { name: "audit", type: "review" } });
    h.server.clock.advance(121_000);
    await settled();
    const log = () => h.services.webhooks.dispatcher.deliveries(hook.webhookId);
    expect(log()[0]).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    receiver.status = 204;
    h.server.clock.advance(10_000);
    await settled();
    expect(log()[0]).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 204 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
  });
});
