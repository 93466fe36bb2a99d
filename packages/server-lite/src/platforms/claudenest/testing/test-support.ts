/**
 * @module
 * Test fixtures: an in-process server, SDK clients for new users, and a machine that is online.
 */
import { ClaudeNest, type ClientOptions } from "@agentlane/sdk";
import { contract } from "@agentlane/sdk/claudenest/contract";
import { createServer, type LiteServer, type ServerOptions } from "../../../server.ts";

export const BASE_URL = "http://lite.test/claudenest/api";

export function clientFor(server: LiteServer, token?: string, options: Partial<ClientOptions> = {}): ClaudeNest {
  return new ClaudeNest({
    baseUrl: BASE_URL,
    fetch: (input, init) => server.fetch(new Request(input, init)),
    validate: { contract },
    retry: 0,
    ...(token ? { token } : {}),
    ...options,
  });
}

let counter = 0;

/** Registers a new user and answers a client acting as them. */
export async function newUser(
  server: LiteServer,
  name = "user",
): Promise<{ nest: ClaudeNest; token: string; userId: string }> {
  counter++;
  const anonymous = clientFor(server);
  const session = await anonymous.auth.register({
    name,
    email: `${name}-${counter}-${Date.now()}@example.test`,
    password: "correct horse battery",
    password_confirmation: "correct horse battery",
  });
  return { nest: clientFor(server, session.token), token: session.token, userId: session.user.id };
}

/** A machine of the user, online because its agent has used its machine token. */
export async function onlineMachine(
  server: LiteServer,
  owner: ClaudeNest,
): Promise<{ id: string; token: string; agent: ClaudeNest }> {
  const { machine, token } = await owner.machines.register({
    name: "box",
    platform: "linux",
    hostname: "box.local",
    capabilities: ["wake_on_lan"],
  });
  const agent = clientFor(server, token);
  await agent.machines.get({ id: machine.id });
  return { id: machine.id, token, agent };
}

/** A new user with an online machine and a project on it: what a worker's tests start from. */
export async function sharedProject(
  server: LiteServer,
): Promise<{ nest: ClaudeNest; token: string; project: { id: string } }> {
  const { nest, token } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({ machine: machine.id, name: "Shared", project_path: "/srv/shared" });
  return { nest, token, project };
}

export async function startServer(options: ServerOptions = {}): Promise<LiteServer> {
  return createServer(options);
}
