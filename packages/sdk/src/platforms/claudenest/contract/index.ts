/**
 * @module
 * The ClaudeNest contract (seed document 001): every endpoint as data, one module per resource.
 * Import it to validate responses (`validate: { contract }`) or to build a server.
 */
import { auth } from "./auth.ts";
import { commands } from "./commands.ts";
import { context } from "./context.ts";
import { health } from "./health.ts";
import { locks } from "./locks.ts";
import { machines } from "./machines.ts";
import { mcp } from "./mcp.ts";
import { pairing } from "./pairing.ts";
import { projects } from "./projects.ts";
import { sessions } from "./sessions.ts";
import { skills } from "./skills.ts";
import { tasks } from "./tasks.ts";

export * from "./auth.ts";
export * from "./commands.ts";
export * from "./common.ts";
export * from "./context.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./locks.ts";
export * from "./machines.ts";
export * from "./mcp.ts";
export * from "./pairing.ts";
export * from "./projects.ts";
export * from "./sessions.ts";
export * from "./skills.ts";
export * from "./tasks.ts";

export const contract = {
  health,
  auth,
  pairing,
  machines,
  sessions,
  projects,
  tasks,
  context,
  locks,
  skills,
  mcp,
  commands,
};
export type ClaudeNestContract = typeof contract;
