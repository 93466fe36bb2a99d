import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createVerifier, nodeRawBody } from "@agentlane/sdk/webhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Database } from "../store/database.ts";
import { Clock } from "./clock.ts";
import { WebhookDispatcher } from "./webhooks.ts";

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

/** A loopback receiver that answers each request with the next status of `statuses` (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = new TextDecoder().decode(await nodeRawBody(req));
    received.push({ headers: req.headers, body });
    res.statusCode = statuses.shift() ?? 200;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(r)) };
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dispatcher(options: Partial<ConstructorParameters<typeof WebhookDispatcher>[0]> = {}) {
  const db = new Database(":memory:");
  db.migrate([WebhookDispatcher.migration("test_deliveries")]);
  const clock = new Clock();
  clock.freeze(Date.UTC(2026, 11, 7));
  const hooks = new WebhookDispatcher({
    db,
    clock,
    table: "test_deliveries",
    signatureHeader: "x-test-signature",
    headers: () => ({ "x-platform": "test" }),
    ...options,
  });
  cleanups.push(
    () => hooks.stop(),
    () => db.close(),
  );
  return { hooks, clock };
}

const payload = {
  event: "task.completed",
  timestamp: "2026-12-07T00:00:00.000Z",
  data: { id: "t1", title: "Ünïcode ✓" },
};

describe("WebhookDispatcher", () => {
  it("delivers compact JSON signed over the exact bytes, with id, timestamp and event headers", async () => {
    const target = await receiver();
    cleanups.push(target.close);
    const { hooks } = dispatcher();
    const id = hooks.dispatch({
      subscriptionId: "sub1",
      url: target.url,
      secret: "s3cret",
      event: "task.completed",
      payload,
    });
    await hooks.settled();
    const [delivery] = target.received;
    expect(delivery!.body).toBe(JSON.stringify(payload));
    const signature = delivery!.headers["x-test-signature"] as string;
    expect(await createVerifier({ secrets: "s3cret" }).verify(delivery!.body, signature)).toBe(true);
    expect(delivery!.headers).toMatchObject({
      "x-webhook-id": id,
      "x-webhook-event": "task.completed",
      "x-platform": "test",
    });
    expect(Number(delivery!.headers["x-webhook-timestamp"])).toBe(Date.UTC(2026, 11, 7) / 1000);
    expect(hooks.deliveries("sub1")).toMatchObject([{ id, status: "delivered", attempts: 1, lastStatusCode: 200 }]);
  });

  it("verifies for a receiver that re-serializes the parsed body, as the documents' snippets do", async () => {
    const target = await receiver();
    cleanups.push(target.close);
    const { hooks } = dispatcher();
    hooks.dispatch({ subscriptionId: "sub1", url: target.url, secret: "k", event: "e", payload });
    await hooks.settled();
    const { body, headers } = target.received[0]!;
    const reserialized = JSON.stringify(JSON.parse(body));
    const expected = `sha256=${createHmac("sha256", "k").update(reserialized).digest("hex")}`;
    expect(headers["x-test-signature"]).toBe(expected);
  });

  it("retries a failing receiver with backoff on the server clock, then delivers", async () => {
    const target = await receiver([500, 503]);
    cleanups.push(target.close);
    const { hooks, clock } = dispatcher({ backoffMs: (n) => 1000 * n });
    const id = hooks.dispatch({ subscriptionId: "s", url: target.url, secret: "k", event: "e", payload });
    await hooks.settled();
    expect(hooks.delivery(id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    clock.advance(999);
    await hooks.settled();
    expect(target.received).toHaveLength(1);
    clock.advance(1);
    await hooks.settled();
    expect(hooks.delivery(id)).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 503 });
    clock.advance(2000);
    await hooks.settled();
    expect(hooks.delivery(id)).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    expect(new Set(target.received.map((r) => r.body)).size).toBe(1);
  });

  it("gives a delivery up after maxAttempts and logs why", async () => {
    const { hooks, clock } = dispatcher({ maxAttempts: 3, backoffMs: () => 10 });
    // Nothing listens on port 9 of loopback: every attempt fails to connect.
    const id = hooks.dispatch({ subscriptionId: "s", url: "http://127.0.0.1:9/", secret: "k", event: "e", payload });
    for (let i = 0; i < 3; i++) {
      await hooks.settled();
      clock.advance(10);
    }
    await hooks.settled();
    expect(hooks.delivery(id)).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    expect(hooks.delivery(id)!.lastError).toBeTruthy();
  });

  it("answers dispatch at once however slow the receiver is", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch = vi.fn(async () => {
      await gate;
      return new Response(null, { status: 204 });
    });
    const { hooks } = dispatcher({ fetch: fetch as unknown as typeof globalThis.fetch });
    const id = hooks.dispatch({ subscriptionId: "s", url: "http://127.0.0.1:1/", secret: "k", event: "e", payload });
    expect(hooks.delivery(id)!.status).toBe("pending");
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    release();
    await hooks.settled();
    expect(hooks.delivery(id)!.status).toBe("delivered");
  });
});
