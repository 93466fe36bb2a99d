/**
 * @module
 * What the skills, MCP and commands tests share: an in-process server, a user with two machines (and the
 * first one's machine token), and another user's machine.
 */
import type { ClaudeNest, Machine } from "@agentlane/sdk/claudenest";
import { createServer, type LiteServer, type ServerOptions } from "../../../index.ts";
import { clientFor } from "./test-support.ts";

export { clientFor };

export interface MachineToolsWorld {
  server: LiteServer;
  /** The owner's personal token. */
  nest: ClaudeNest;
  /** The machine token of `machine`. */
  agent: ClaudeNest;
  machine: Machine;
  /** The owner's second machine, which `agent` may not touch. */
  otherMachine: Machine;
  /** Another user's machine, which neither client may touch. */
  strangerMachine: Machine;
  close(): Promise<void>;
}

async function registerUser(server: LiteServer, email: string): Promise<ClaudeNest> {
  const password = "correct-horse-battery";
  const session = await clientFor(server).auth.register({
    name: email.split("@")[0]!,
    email,
    password,
    password_confirmation: password,
  });
  return clientFor(server, session.token);
}

export async function machineToolsWorld(options: ServerOptions = {}): Promise<MachineToolsWorld> {
  const server = await createServer(options);
  const nest = await registerUser(server, "owner@example.test");
  const stranger = await registerUser(server, "stranger@example.test");
  const machineInfo = { platform: "linux", hostname: "box.local" };
  const { machine, token } = await nest.machines.register({ name: "workstation", ...machineInfo });
  const { machine: otherMachine } = await nest.machines.register({ name: "laptop", ...machineInfo });
  const { machine: strangerMachine } = await stranger.machines.register({ name: "theirs", ...machineInfo });
  return {
    server,
    nest,
    agent: clientFor(server, token),
    machine,
    otherMachine,
    strangerMachine,
    close: () => server.close(),
  };
}
