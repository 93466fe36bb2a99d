import PusherModule, { type Channel } from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../index.ts";
import { TOKENS, testAuthorizer } from "./test-support.ts";

// The real pusher-js client (Node build) against the server, as a ClaudeNest web client would use it.
// Its Node build is CommonJS whose `module.exports` is the class; its typings describe an ES default export.
const Pusher = PusherModule as unknown as typeof PusherModule.default;
type Pusher = InstanceType<typeof Pusher>;
let server: LiteServer;
const clients: Pusher[] = [];

beforeEach(async () => {
  server = await createServer({ realtime: { appKey: "test-key", authorize: testAuthorizer } });
  await server.listen(0);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server.close();
});

function pusher(token: string | undefined, auth: "endpoint" | "inline" = "endpoint"): Pusher {
  const base = new URL(server.url!);
  const info = server.realtime.claudenest!;
  const client = new Pusher(info.appKey, {
    cluster: "local",
    wsHost: base.hostname,
    wsPort: Number(base.port),
    wsPath: info.wsPath,
    forceTLS: false,
    enabledTransports: ["ws"],
    ...(auth === "endpoint"
      ? {
          channelAuthorization: {
            endpoint: new URL(info.authEndpoint, base).href,
            transport: "ajax",
            headers: token ? { Authorization: `Bearer ${token}` } : {},
          },
        }
      : {
          // ClaudeNest §13.2: the bearer token inline in the subscribe frame instead of a signature.
          channelAuthorization: {
            customHandler: (_params: unknown, callback: (error: Error | null, data: unknown) => void) =>
              callback(null, { auth: { headers: { Authorization: `Bearer ${token}` } } }),
          } as never,
        }),
  });
  clients.push(client);
  return client;
}

function connected(client: Pusher): Promise<string> {
  return new Promise((resolve) => client.connection.bind("connected", () => resolve(client.connection.socket_id)));
}

function subscribed(channel: Channel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) =>
      reject(Object.assign(new Error("refused"), { error })),
    );
  });
}

function nextEvent(channel: Channel, event: string): Promise<unknown> {
  return new Promise((resolve) => channel.bind(event, (data: unknown) => resolve(data)));
}

describe("pusher-js", () => {
  it("connects, subscribes to a public channel and receives server events", async () => {
    const client = pusher(undefined);
    expect(await connected(client)).toMatch(/^\d+\.\d+$/);
    const channel = client.subscribe("news");
    await subscribed(channel);
    const received = nextEvent(channel, "story:published");
    server.events.publish("news", "story:published", { id: 1, tags: ["a"] });
    expect(await received).toEqual({ id: 1, tags: ["a"] });
  });

  it("authorizes a private channel through the auth endpoint", async () => {
    const client = pusher(TOKENS.alice);
    const channel = client.subscribe("private-user.alice");
    await subscribed(channel);
    const received = nextEvent(channel, "task:claimed");
    server.events.publish("private-user.alice", "task:claimed", { task: { id: "t1" }, instanceId: "i1" });
    expect(await received).toEqual({ task: { id: "t1" }, instanceId: "i1" });
  });

  it("authorizes a private channel with the token inline", async () => {
    const client = pusher(TOKENS.bob, "inline");
    await subscribed(client.subscribe("private-user.bob"));
    await expect(subscribed(client.subscribe("private-user.alice"))).rejects.toMatchObject({
      error: { status: 403, type: "AuthError" },
    });
  });

  it("reports the auth endpoint's refusal as a subscription error", async () => {
    const client = pusher(TOKENS.bob);
    await expect(subscribed(client.subscribe("private-user.alice"))).rejects.toMatchObject({
      error: { status: 403, type: "AuthError" },
    });
  });

  it("relays client events between two clients without echoing them", async () => {
    const alice = pusher(TOKENS.alice);
    const bob = pusher(TOKENS.bob);
    const aliceChannel = alice.subscribe("private-shared");
    const bobChannel = bob.subscribe("private-shared");
    await Promise.all([subscribed(aliceChannel), subscribed(bobChannel)]);
    let echoed = false;
    aliceChannel.bind("client-typing", () => {
      echoed = true;
    });
    const received = nextEvent(bobChannel, "client-typing");
    expect(aliceChannel.trigger("client-typing", { who: "alice" })).toBe(true);
    expect(await received).toEqual({ who: "alice" });
    // A server event sent after the client event arrives after it: had it been echoed, alice would have it.
    const marker = nextEvent(aliceChannel, "marker");
    server.events.publish("private-shared", "marker", {});
    await marker;
    expect(echoed).toBe(false);
  });
});
