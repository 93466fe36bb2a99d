import PusherModule, { type Channel } from "pusher-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../index.ts";
import { RawPusherClient } from "../../realtime/pusher/test-support.ts";
import type { NestServices } from "./services.ts";
import { newUser, onlineMachine, startServer } from "./testing/test-support.ts";

// pusher-js's Node build is CommonJS whose `module.exports` is the class; its typings describe an ES default export.
const Pusher = PusherModule as unknown as typeof PusherModule.default;
type Pusher = InstanceType<typeof Pusher>;

let server: LiteServer;
let url: string;
const clients: Pusher[] = [];
const raws: RawPusherClient[] = [];

beforeEach(async () => {
  server = await startServer({ exec: ["bash"] });
  url = await server.listen(0);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const raw of raws.splice(0)) raw.ws.terminate();
  await server.close();
});

/** A pusher-js client as a ClaudeNest web app would configure it: the standard auth flow, or inline credentials. */
function pusher(auth: { bearer: string } | { inline: unknown }): Pusher {
  const base = new URL(url);
  const info = server.realtime.claudenest!;
  const client = new Pusher(info.appKey, {
    cluster: "local",
    wsHost: base.hostname,
    wsPort: Number(base.port),
    wsPath: info.wsPath,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization:
      "bearer" in auth
        ? {
            endpoint: new URL(info.authEndpoint, base).href,
            transport: "ajax",
            headers: { Authorization: `Bearer ${auth.bearer}` },
          }
        : ({
            customHandler: (_params: unknown, callback: (error: Error | null, data: unknown) => void) =>
              callback(null, { auth: auth.inline }),
          } as never),
  });
  clients.push(client);
  return client;
}

async function raw(): Promise<RawPusherClient & { socketId: string }> {
  const client = await RawPusherClient.connect(`${url.replace("http", "ws")}/claudenest/app/claudenest`);
  raws.push(client);
  return client;
}

function subscribed(channel: Channel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) =>
      reject(Object.assign(new Error("refused"), { error })),
    );
  });
}

/** Collects a channel's `session:output` text and resolves once it contains `text`. */
function outputOf(channel: Channel) {
  let text = "";
  const waiters: Array<() => void> = [];
  channel.bind("session:output", (data: { data: string }) => {
    text += data.data;
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    get text() {
      return text;
    },
    until(needle: string): Promise<string> {
      return new Promise((resolve) => {
        const check = () => (text.includes(needle) ? resolve(text) : waiters.push(check));
        check();
      });
    },
  };
}

async function setup() {
  const alice = await newUser(server, "alice");
  const machine = await onlineMachine(server, alice.nest);
  const { session, websocket_token } = await alice.nest.sessions.create({ machine: machine.id });
  return { alice, machine, session, websocketToken: websocket_token };
}

describe("ClaudeNest realtime with pusher-js against a real bash session", () => {
  it("streams session:output over the standard auth flow and takes client-session:input", async () => {
    const { alice, session } = await setup();
    const client = pusher({ bearer: alice.token });
    const channel = client.subscribe(`private-session.${session.id}`);
    const output = outputOf(channel);
    await subscribed(channel);

    expect(channel.trigger("client-session:input", { data: "echo live-$((6*7))\n" })).toBe(true);
    await output.until("live-42");
    // The input went the same way as the HTTP endpoint's: logged, and its output logged too.
    const inputs = await alice.nest.sessions.logs({ id: session.id, type: "input" });
    expect(inputs.map((log) => log.data)).toEqual(["echo live-$((6*7))\n"]);
    const logged = await alice.nest.sessions.logs({ id: session.id, type: "output" });
    expect(logged.map((log) => log.data).join("")).toContain("live-42");
  });

  it("marks each output chunk with the id of its log entry", async () => {
    const { alice, session } = await setup();
    const client = await raw();
    const { auth } = (await (
      await fetch(`${url}/claudenest/api/broadcasting/auth`, {
        method: "POST",
        headers: { authorization: `Bearer ${alice.token}` },
        body: new URLSearchParams({ socket_id: client.socketId, channel_name: `private-session.${session.id}` }),
      })
    ).json()) as { auth: string };
    expect((await client.subscribe(`private-session.${session.id}`, auth)).event).toBe(
      "pusher_internal:subscription_succeeded",
    );
    client.send({
      event: "client-session:input",
      channel: `private-session.${session.id}`,
      data: { data: "echo ids-$((1+1))\n" },
    });
    await client.next((f) => f.event === "session:output" && String(f.data.data).includes("ids-2"));
    const live = client.frames.filter((f) => f.event === "session:output").map((f) => f.data);
    const logged = await alice.nest.sessions.logs({ id: session.id, type: "output" });
    const byId = new Map(logged.map((log) => [log.id, log.data]));
    for (const chunk of live) expect(byId.get(chunk.id)).toBe(chunk.data);
  });

  it("opens a session channel with the session's ws_ token inline, and no other session's", async () => {
    const { alice, machine, session, websocketToken } = await setup();
    const other = (await alice.nest.sessions.create({ machine: machine.id })).session;
    const client = pusher({ inline: { token: websocketToken } });
    const channel = client.subscribe(`private-session.${session.id}`);
    const output = outputOf(channel);
    await subscribed(channel);
    channel.trigger("client-session:input", { data: "echo inline-$((2+3))\n" });
    await output.until("inline-5");

    await expect(subscribed(client.subscribe(`private-session.${other.id}`))).rejects.toMatchObject({
      error: { status: 403, type: "AuthError", error: "This WebSocket token was issued for another session." },
    });
    await expect(subscribed(client.subscribe(`private-project.${session.id}`))).rejects.toMatchObject({
      error: { status: 403 },
    });
    // The document's other inline form: the token as a bearer header.
    const headers = pusher({ inline: { headers: { Authorization: `Bearer ${websocketToken}` } } });
    await subscribed(headers.subscribe(`private-session.${session.id}`));
  });

  it("refuses another user's channels, unknown tokens and unknown channel names", async () => {
    const { session, machine, alice } = await setup();
    const project = await alice.nest.projects.create({ machine: machine.id, name: "p", project_path: "/srv/p" });
    const bob = await newUser(server, "bob");
    const bobs = pusher({ bearer: bob.token });
    for (const name of [`private-session.${session.id}`, `private-project.${project.id}`]) {
      await expect(subscribed(bobs.subscribe(name))).rejects.toMatchObject({ error: { status: 403 } });
    }
    // A channel that does not exist answers like another user's: nothing tells them apart.
    await expect(subscribed(bobs.subscribe("private-session.no-such-session"))).rejects.toMatchObject({
      error: { status: 403 },
    });
    await expect(subscribed(bobs.subscribe("private-user.1"))).rejects.toMatchObject({ error: { status: 403 } });
    const stranger = pusher({ bearer: "cn_not-a-token" });
    await expect(subscribed(stranger.subscribe(`private-session.${session.id}`))).rejects.toMatchObject({
      error: { status: 401 },
    });
    const expired = pusher({ inline: { token: "ws_not-a-token" } });
    await expect(subscribed(expired.subscribe(`private-session.${session.id}`))).rejects.toMatchObject({
      error: { status: 401 },
    });
    const res = await fetch(`${url}/claudenest/api/broadcasting/auth`, {
      method: "POST",
      headers: { authorization: `Bearer ${bob.token}` },
      body: new URLSearchParams({ socket_id: "1.2", channel_name: `private-project.${project.id}` }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "FORBIDDEN" } });
  });

  it("lets a machine token into its own machine's session and project channels only", async () => {
    const { alice, machine, session } = await setup();
    const project = await alice.nest.projects.create({ machine: machine.id, name: "p", project_path: "/srv/p" });
    const agent = pusher({ bearer: machine.token });
    await subscribed(agent.subscribe(`private-session.${session.id}`));
    const projectChannel = agent.subscribe(`private-project.${project.id}`);
    await subscribed(projectChannel);
    const claimed = new Promise((resolve) => projectChannel.bind("task:claimed", resolve));
    const task = await alice.nest.tasks.create({ project: project.id, title: "Ship it" });
    await alice.nest.tasks.claim({ id: task.id, instance_id: "claude-1" });
    expect(await claimed).toMatchObject({ task: { id: task.id, status: "in_progress" }, instanceId: "claude-1" });

    const second = await onlineMachine(server, alice.nest);
    const otherAgent = pusher({ bearer: second.token });
    for (const name of [`private-session.${session.id}`, `private-project.${project.id}`]) {
      await expect(subscribed(otherAgent.subscribe(name))).rejects.toMatchObject({ error: { status: 403 } });
    }
  });

  it("resizes and terminates through client events, and refuses bad ones with a clear error", async () => {
    const { alice, session, websocketToken } = await setup();
    const client = await raw();
    const channel = `private-session.${session.id}`;
    await client.subscribe(channel, { token: websocketToken });
    const refusal = (data: unknown, event = "client-session:input") =>
      client.request({ event, channel, data }, (f) => f.event === "pusher:error");

    expect((await refusal({ data: "" })).data).toEqual({
      code: 4200,
      message: expect.stringMatching(/^client-session:input takes \{data: a string of 1 to 65536 characters\}/),
    });
    expect((await refusal("not an object")).data.message).toMatch(/^client-session:input takes/);
    expect((await refusal({ cols: 5, rows: 10 }, "client-session:resize")).data.message).toMatch(
      /^client-session:resize takes \{cols: 20-500, rows: 10-200\}; cols:/,
    );
    expect((await refusal({}, "client-session:shout")).data.message).toMatch(/^Unknown session event/);

    client.send({ event: "client-session:resize", channel, data: { cols: 132, rows: 43 } });
    client.send({ event: "client-session:input", channel, data: { data: "stty size\n" } });
    await client.next((f) => f.event === "session:output" && String(f.data.data).includes("43 132"));
    expect((await alice.nest.sessions.get({ id: session.id })).pty_size).toEqual({ cols: 132, rows: 43 });

    client.send({ event: "client-session:terminate", channel, data: {} });
    await client.next((f) => f.event === "session:terminated");
    expect(await alice.nest.sessions.get({ id: session.id })).toMatchObject({
      status: "terminated",
      status_message: "Terminated by request",
    });
    expect((await refusal({ data: "ls\n" })).data.message).toBe("SES_002: Session already terminated");
    // Still connected and answering: nothing crashed.
    await client.flush();
  });

  it("opens a project channel to its owner and relays project client events untouched", async () => {
    const { alice, machine } = await setup();
    const project = await alice.nest.projects.create({ machine: machine.id, name: "p", project_path: "/srv/p" });
    const services = server.services("claudenest") as NestServices;
    const one = pusher({ bearer: alice.token });
    const two = pusher({ bearer: machine.token });
    const a = one.subscribe(`private-project.${project.id}`);
    const b = two.subscribe(`private-project.${project.id}`);
    await Promise.all([subscribed(a), subscribed(b)]);
    const whispered = new Promise((resolve) => b.bind("client-typing", resolve));
    a.trigger("client-typing", { who: "alice" });
    expect(await whispered).toEqual({ who: "alice" });
    const locked = new Promise((resolve) => a.bind("file:locked", resolve));
    await alice.nest.locks.acquire({ project: project.id, path: "src/a.ts", instance_id: "claude-1", reason: "edit" });
    expect(await locked).toEqual({ path: "src/a.ts", lockedBy: "claude-1", reason: "edit" });
    expect(services.events.listenerCount(`private-project.${project.id}`)).toBe(1);
  });
});
