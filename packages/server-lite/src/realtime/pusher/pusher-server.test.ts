import { createHmac } from "node:crypto";
import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createServer, type LiteServer } from "../../index.ts";
import { handlesBackTo, liveHandles, RawPusherClient, settledHandles, TOKENS, testAuthorizer } from "./test-support.ts";

const APP = { appKey: "test-key", appSecret: "test-secret" };
let server: LiteServer;
let wsUrl: string;
let errors: unknown[];
const clients: RawPusherClient[] = [];

async function connect(url = wsUrl) {
  const client = await RawPusherClient.connect(url);
  clients.push(client);
  return client;
}

/** A bare upgrade request: the status it gets, and a promise of its socket closing. */
function upgrade(url: string): Promise<{ status: number | undefined; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
      },
    });
    req.on("response", (res) => {
      res.resume();
      resolve({ status: res.statusCode, closed: new Promise((done) => res.socket.once("close", () => done())) });
    });
    req.on("upgrade", () => reject(new Error("upgraded")));
    req.on("error", reject);
    req.end();
  });
}

beforeEach(async () => {
  errors = [];
  server = await createServer({
    platform: "claudenest",
    realtime: { ...APP, authorize: testAuthorizer },
    onError: (error) => errors.push(error),
  });
  const base = await server.listen(0);
  wsUrl = `${base.replace("http", "ws")}/app/${APP.appKey}?protocol=7&client=js&version=8.6.0`;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await server.close();
});

describe("handshake and keepalive", () => {
  it("sends connection_established with data as a JSON string", async () => {
    const client = await connect();
    const established = client.frames[0]!;
    expect(typeof established.rawData).toBe("string");
    expect(established.data).toEqual({ socket_id: client.socketId, activity_timeout: 30 });
    expect(client.socketId).toMatch(/^\d+\.\d+$/);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const client = await connect();
    const pong = await client.request({ event: "pusher:ping", data: {} }, (f) => f.event.startsWith("pusher:p"));
    expect(pong.event).toBe("pusher:pong");
  });

  it("pings an idle client and drops it with 4201 when no pong comes", async () => {
    const client = await connect();
    server.clock.advance(31_000);
    await client.next((f) => f.event === "pusher:ping");
    server.clock.advance(31_000);
    expect(await client.closed).toEqual({ code: 4201, reason: "Pong reply not received" });
  });

  it("keeps a client that answers the ping", async () => {
    const client = await connect();
    server.clock.advance(31_000);
    await client.next((f) => f.event === "pusher:ping");
    client.send({ event: "pusher:pong", data: {} });
    await client.flush();
    const from = client.frames.length;
    // Past the pong timeout: a dropped pong would close the socket; a fresh ping proves it was counted.
    server.clock.advance(35_000);
    await client.next((f) => f.event === "pusher:ping", from);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });
});

describe("upgrade routing", () => {
  it("refuses other paths with 404 and closes the socket", async () => {
    for (const path of ["/nope/test-key", "/api/health", "/claudenest/app/test-key"]) {
      const { status, closed } = await upgrade(new URL(path, server.url).href);
      expect(status).toBe(404);
      await closed;
    }
  });

  it("closes an unknown app key with 4001", async () => {
    const client = new RawPusherClient(wsUrl.replace(APP.appKey, "other-key"));
    const error = await client.next((f) => f.event === "pusher:error");
    expect(error.data.code).toBe(4001);
    expect((await client.closed).code).toBe(4001);
  });

  it("serves /{platform}/app/{key} when every platform is mounted", async () => {
    const all = await createServer({ realtime: { ...APP, authorize: testAuthorizer } });
    try {
      const base = await all.listen(0);
      expect(all.realtime.claudenest).toEqual({
        appKey: APP.appKey,
        wsPath: "/claudenest",
        authEndpoint: "/claudenest/api/broadcasting/auth",
      });
      const client = await RawPusherClient.connect(`${base.replace("http", "ws")}/claudenest/app/${APP.appKey}`);
      expect(client.socketId).toMatch(/^\d+\.\d+$/);
      client.ws.terminate();
    } finally {
      await all.close();
    }
  });
});

describe("subscriptions and server events", () => {
  it("delivers events published on the bus to public channel subscribers, data as a JSON string", async () => {
    const client = await connect();
    expect((await client.subscribe("news")).event).toBe("pusher_internal:subscription_succeeded");
    server.events.publish("news", "story:published", { id: 7, title: "Hi" });
    const event = await client.next((f) => f.event === "story:published");
    expect(event).toMatchObject({ channel: "news", rawData: '{"id":7,"title":"Hi"}' });
  });

  it("subscribes to a private channel with inline headers or a token, and refuses other users' channels", async () => {
    const client = await connect();
    const viaHeaders = await client.subscribe("private-user.alice", {
      headers: { Authorization: `Bearer ${TOKENS.alice}` },
    });
    expect(viaHeaders.event).toBe("pusher_internal:subscription_succeeded");
    const viaToken = await client.subscribe("private-shared", { token: TOKENS.bob });
    expect(viaToken.event).toBe("pusher_internal:subscription_succeeded");
    const refused = await client.subscribe("private-user.alice", { token: TOKENS.bob });
    expect(refused).toMatchObject({
      event: "pusher:subscription_error",
      data: { type: "AuthError", status: 403, error: "bob may not read private-user.alice" },
    });
    server.events.publish("private-user.alice", "ping:me", { n: 1 });
    expect((await client.next((f) => f.event === "ping:me")).data).toEqual({ n: 1 });
  });

  it("refuses a private subscription without credentials, with a bad token, or with a bad signature", async () => {
    const client = await connect();
    expect((await client.subscribe("private-user.alice")).data).toMatchObject({ status: 401, type: "AuthError" });
    expect((await client.subscribe("private-user.alice", { token: "wrong" })).data).toMatchObject({
      status: 401,
      error: "Unauthenticated.",
    });
    expect((await client.subscribe("private-user.alice", `${APP.appKey}:${"0".repeat(64)}`)).data).toMatchObject({
      status: 401,
    });
    server.events.publish("private-user.alice", "secret", {});
    await client.flush();
    expect(client.frames.some((f) => f.event === "secret")).toBe(false);
  });

  it("accepts the signature the auth endpoint issues, and only for that socket", async () => {
    const client = await connect();
    const other = await connect();
    const response = await server.fetch(
      new Request("http://lite.test/api/broadcasting/auth", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKENS.alice}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ socket_id: client.socketId, channel_name: "private-user.alice" }),
      }),
    );
    const { auth } = (await response.json()) as { auth: string };
    const expected = createHmac("sha256", APP.appSecret).update(`${client.socketId}:private-user.alice`).digest("hex");
    expect(auth).toBe(`${APP.appKey}:${expected}`);
    expect((await client.subscribe("private-user.alice", auth)).event).toBe("pusher_internal:subscription_succeeded");
    expect((await other.subscribe("private-user.alice", auth)).data).toMatchObject({ status: 401 });
  });

  it("refuses presence channels and invalid names without closing the connection", async () => {
    const client = await connect();
    expect((await client.subscribe("presence-room", { token: TOKENS.alice })).data).toMatchObject({ status: 400 });
    expect((await client.subscribe("bad channel!")).data).toMatchObject({ status: 400, type: "InvalidChannel" });
    expect((await client.subscribe("ok")).event).toBe("pusher_internal:subscription_succeeded");
  });

  it("answers a throwing authorizer with a 500 refusal and reports the error", async () => {
    const client = await connect();
    expect((await client.subscribe("private-broken", { token: TOKENS.alice })).data).toMatchObject({ status: 500 });
    expect(errors).toHaveLength(1);
  });

  it("delivers a string payload as that string", async () => {
    const client = await connect();
    await client.subscribe("news");
    server.events.publish("news", "note", "123");
    expect(await client.next((f) => f.event === "note")).toMatchObject({ rawData: '"123"', data: "123" });
  });

  it("lets an unsubscribe win over a subscription still being authorized", async () => {
    let release: (() => void) | undefined;
    const slow = await createServer({
      platform: "claudenest",
      realtime: {
        ...APP,
        authorize: () =>
          new Promise((resolve) => {
            release = () => resolve({ allow: true });
          }),
      },
    });
    const base = await slow.listen(0);
    try {
      const client = await connect(`${base.replace("http", "ws")}/app/${APP.appKey}`);
      client.send({ event: "pusher:subscribe", data: { channel: "private-x", auth: { token: "t" } } });
      await vi.waitFor(() => expect(release).toBeDefined());
      client.send({ event: "pusher:unsubscribe", data: { channel: "private-x" } });
      await client.flush();
      release!();
      await client.flush();
      expect(client.frames.some((f) => f.channel === "private-x")).toBe(false);
      expect(slow.events.listenerCount("private-x")).toBe(0);
    } finally {
      await slow.close();
    }
  });

  it("stops delivering after pusher:unsubscribe and releases the bus listener", async () => {
    const client = await connect();
    await client.subscribe("news");
    expect(server.events.listenerCount("news")).toBe(1);
    client.send({ event: "pusher:unsubscribe", data: { channel: "news" } });
    await client.flush();
    expect(server.events.listenerCount("news")).toBe(0);
    server.events.publish("news", "late", {});
    await client.flush();
    expect(client.frames.some((f) => f.event === "late")).toBe(false);
  });

  it("releases every bus listener when a client disconnects", async () => {
    const client = await connect();
    await client.subscribe("news");
    await client.subscribe("private-shared", { token: TOKENS.alice });
    await client.close();
    await vi.waitFor(() =>
      expect(server.events.listenerCount("news") + server.events.listenerCount("private-shared")).toBe(0),
    );
  });
});

describe("client events", () => {
  it("relays client events to the other subscribers, not to the sender, with the sender's identity to the plug-in", async () => {
    const seen: unknown[] = [];
    const relaying = await createServer({
      platform: "claudenest",
      realtime: {
        ...APP,
        authorize: testAuthorizer,
        onClientEvent: (channel, event, data, identity) => {
          seen.push({ channel, event, data, identity });
          return event !== "client-private-note";
        },
      },
    });
    const base = await relaying.listen(0);
    const url = `${base.replace("http", "ws")}/app/${APP.appKey}`;
    try {
      const alice = await connect(url);
      const bob = await connect(url);
      await alice.subscribe("private-shared", { token: TOKENS.alice });
      await bob.subscribe("private-shared", { token: TOKENS.bob });
      alice.send({ event: "client-session:input", channel: "private-shared", data: { data: "ls\n" } });
      const relayed = await bob.next((f) => f.event === "client-session:input");
      expect(relayed).toMatchObject({ channel: "private-shared", data: { data: "ls\n" } });
      alice.send({ event: "client-private-note", channel: "private-shared", data: {} });
      await alice.flush();
      await bob.flush();
      expect(alice.frames.some((f) => f.event.startsWith("client-"))).toBe(false);
      expect(bob.frames.some((f) => f.event === "client-private-note")).toBe(false);
      expect(seen).toEqual([
        {
          channel: "private-shared",
          event: "client-session:input",
          data: { data: "ls\n" },
          identity: { user: "alice" },
        },
        { channel: "private-shared", event: "client-private-note", data: {}, identity: { user: "alice" } },
      ]);
    } finally {
      await relaying.close();
    }
  });

  it("refuses client events on channels the sender has not subscribed to, or on public channels, with 4009", async () => {
    const client = await connect();
    await client.subscribe("news");
    for (const channel of ["private-shared", "news", undefined]) {
      const error = await client.request({ event: "client-x", channel, data: {} }, (f) => f.event === "pusher:error");
      expect(error.data.code).toBe(4009);
    }
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it("refuses client events with 4301 when they are disabled", async () => {
    const quiet = await createServer({
      platform: "claudenest",
      realtime: { ...APP, authorize: testAuthorizer, clientEvents: false },
    });
    const base = await quiet.listen(0);
    try {
      const client = await connect(`${base.replace("http", "ws")}/app/${APP.appKey}`);
      await client.subscribe("private-shared", { token: TOKENS.alice });
      const error = await client.request(
        { event: "client-x", channel: "private-shared", data: {} },
        (f) => f.event === "pusher:error",
      );
      expect(error.data.code).toBe(4301);
    } finally {
      await quiet.close();
    }
  });
});

describe("malformed frames", () => {
  it("answers each with a pusher:error and keeps serving", async () => {
    const client = await connect();
    const bad: unknown[] = [
      "not json",
      "[1,2]",
      '{"data":{}}',
      { event: 42 },
      { event: "pusher:subscribe", data: "nope" },
      { event: "pusher:subscribe" },
      { event: "pusher:unsubscribe", data: { channel: 5 } },
      { event: "session:input", channel: "news", data: {} },
    ];
    for (const frame of bad) {
      const error = await client.request(frame, (f) => f.event === "pusher:error");
      expect(error.data).toMatchObject({ code: 4200, message: expect.any(String) });
    }
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await client.next((f) => f.event === "pusher:error" && /text/.test(f.data.message))).data.code).toBe(4200);
    expect((await client.subscribe("news")).event).toBe("pusher_internal:subscription_succeeded");
    expect(errors).toEqual([]);
  });

  it("refuses a client event nested too deeply to relay, as data or as a JSON string", async () => {
    const alice = await connect();
    const bob = await connect();
    await alice.subscribe("private-shared", { token: TOKENS.alice });
    await bob.subscribe("private-shared", { token: TOKENS.bob });
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    for (const frame of [
      `{"event":"client-note","channel":"private-shared","data":${deep}}`,
      JSON.stringify({ event: "client-note", channel: "private-shared", data: deep }),
    ]) {
      const error = await alice.request(frame, (f) => f.event === "pusher:error");
      expect(error.data).toMatchObject({ code: 4200, message: expect.stringMatching(/nested too deeply/) });
    }
    await bob.flush();
    expect(bob.frames.some((f) => f.event === "client-note")).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe("rate limit and shutdown", () => {
  it("refuses the 11th connection of a minute from one address with 4100", async () => {
    const limited = await createServer({ platform: "claudenest", rateLimit: true, realtime: APP });
    const base = await limited.listen(0);
    const url = `${base.replace("http", "ws")}/app/${APP.appKey}`;
    try {
      for (let i = 0; i < 10; i++) (await connect(url)).ws.terminate();
      const refused = new RawPusherClient(url);
      clients.push(refused);
      expect((await refused.next((f) => f.event === "pusher:error")).data.code).toBe(4100);
      expect((await refused.closed).code).toBe(4100);
      limited.clock.advance(60_000);
      await connect(url);
    } finally {
      await limited.close();
    }
  });

  it("close() closes every socket with 1001 and leaves no socket or timer", async () => {
    await server.close();
    const before = await settledHandles();
    server = await createServer({ platform: "claudenest", realtime: APP });
    const base = await server.listen(0);
    const client = await connect(`${base.replace("http", "ws")}/app/${APP.appKey}`);
    await client.subscribe("news");
    expect(liveHandles().sockets).toBeGreaterThan(before.sockets);
    await server.close();
    expect((await client.closed).code).toBe(1001);
    expect(await handlesBackTo(before)).toBe(true);
    server = await createServer();
  });
});
