import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer, type LiteServer } from "../../index.ts";
import { RawPusherClient, TOKENS, testAuthorizer } from "./test-support.ts";

let server: LiteServer | undefined;
const clients: RawPusherClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await server?.close();
});

describe("subscriptions per connection", () => {
  it("refuses a subscription past the cap with a 429 subscription error, and keeps the others", async () => {
    server = await createServer({
      platform: "claudenest",
      realtime: { appKey: "k" },
      limits: { subscriptionsPerConnection: 2 },
    });
    const base = await server.listen(0);
    const client = await RawPusherClient.connect(`${base.replace("http", "ws")}/app/k?protocol=7`);
    clients.push(client);
    expect((await client.subscribe("one")).event).toBe("pusher_internal:subscription_succeeded");
    expect((await client.subscribe("two")).event).toBe("pusher_internal:subscription_succeeded");
    // Subscribing again to a channel it has is not a new subscription.
    expect((await client.subscribe("two")).event).toBe("pusher_internal:subscription_succeeded");
    const refused = await client.subscribe("three");
    expect(refused).toMatchObject({ event: "pusher:subscription_error", data: { status: 429, type: "LimitReached" } });
  });

  it("refuses a token's subscriptions on more connections than connectionsPerToken allows", async () => {
    server = await createServer({
      platform: "claudenest",
      realtime: { appKey: "k", authorize: testAuthorizer },
      limits: { connectionsPerToken: 1 },
    });
    const base = await server.listen(0);
    const url = `${base.replace("http", "ws")}/app/k?protocol=7`;
    const first = await RawPusherClient.connect(url);
    const second = await RawPusherClient.connect(url);
    clients.push(first, second);
    const alice = { token: TOKENS.alice };
    expect((await first.subscribe("private-user.alice", alice)).event).toBe("pusher_internal:subscription_succeeded");
    expect((await first.subscribe("private-shared", alice)).event).toBe("pusher_internal:subscription_succeeded");
    expect(await second.subscribe("private-user.alice", alice)).toMatchObject({ data: { status: 429 } });
    expect((await second.subscribe("private-shared", { token: TOKENS.bob })).event).toBe(
      "pusher_internal:subscription_succeeded",
    );
    first.ws.terminate();
    await vi.waitFor(async () =>
      expect((await second.subscribe("private-user.alice", alice)).event).toBe(
        "pusher_internal:subscription_succeeded",
      ),
    );
  });
});
