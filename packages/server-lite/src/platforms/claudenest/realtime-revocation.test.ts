/**
 * Revoked credentials lose their live connections at once: a pusher-js subscriber whose token is revoked, logged
 * out, or whose machine token is regenerated is closed with 4009 before the revoking call answers, hears nothing
 * after, and can no longer type into a session.
 */
import PusherModule, { type Channel } from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../index.ts";
import { clientFor, newUser, onlineMachine } from "./testing/test-support.ts";

const Pusher = PusherModule as unknown as typeof PusherModule.default;
type Pusher = InstanceType<typeof Pusher>;

let server: LiteServer;
const clients: Pusher[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server?.close();
});

/** pusher-js authorizing through the auth endpoint with a bearer token, as the web UI does. */
function pusher(token: string): Pusher {
  const base = new URL(server.url!);
  const info = server.realtime.claudenest!;
  const client = new Pusher(info.appKey, {
    cluster: "local",
    wsHost: base.hostname,
    wsPort: Number(base.port),
    wsPath: info.wsPath,
    forceTLS: false,
    enabledTransports: ["ws"],
    channelAuthorization: {
      endpoint: new URL(info.authEndpoint, base).href,
      transport: "ajax",
      headers: { Authorization: `Bearer ${token}` },
    },
  });
  clients.push(client);
  return client;
}

function subscribed(channel: Channel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(JSON.stringify(error))));
  });
}

/** Resolves with the code of the `pusher:error` the server sends before it closes the client. */
function closedWith(client: Pusher): Promise<number> {
  return new Promise((resolve) => {
    client.connection.bind("error", (event: { data?: { code?: number } }) => {
      if (event?.data?.code) resolve(event.data.code);
    });
  });
}

async function projectSetup() {
  server = await createServer();
  await server.listen(0);
  const owner = await newUser(server, "owner");
  const machine = await onlineMachine(server, owner.nest);
  const project = await owner.nest.projects.create({ machine: machine.id, name: "p", project_path: "/tmp/p" });
  return { owner, machine, projectId: project.id };
}

describe("revocation reaches live connections", () => {
  it("closes a subscriber whose personal token is revoked, and only that one", async () => {
    const { owner, projectId } = await projectSetup();
    const spare = await owner.nest.auth.createToken({ name: "spare" });
    const doomed = pusher(spare.token);
    const kept = pusher(owner.token);
    await Promise.all([
      subscribed(doomed.subscribe(`private-project.${projectId}`)),
      subscribed(kept.subscribe(`private-project.${projectId}`)),
    ]);
    const closed = closedWith(doomed);
    await owner.nest.auth.revokeToken({ id: spare.id });
    expect(await closed).toBe(4009);
    expect(doomed.connection.state).not.toBe("connected");
    expect(kept.connection.state).toBe("connected");
  });

  it("closes a subscriber whose token logs out", async () => {
    const { owner, projectId } = await projectSetup();
    const client = pusher(owner.token);
    await subscribed(client.subscribe(`private-project.${projectId}`));
    const closed = closedWith(client);
    await owner.nest.auth.logout();
    expect(await closed).toBe(4009);
  });

  it("closes an agent subscriber when its machine token is regenerated", async () => {
    const { owner, machine, projectId } = await projectSetup();
    const client = pusher(machine.token);
    await subscribed(client.subscribe(`private-project.${projectId}`));
    const closed = closedWith(client);
    const { token } = await owner.nest.machines.regenerateToken({ id: machine.id });
    expect(await closed).toBe(4009);
    await expect(clientFor(server, machine.token).machines.get({ id: machine.id })).rejects.toMatchObject({
      status: 401,
    });
    expect(token).not.toBe(machine.token);
  });
});
