/**
 * @module
 * The ClaudeNest contract (seed document 001): every endpoint as data, one module per resource.
 * Import it to validate responses (`validate: { contract }`) or to build a server.
 */
import { auth } from "./auth.ts";
import { commands } from "./commands.ts";
import { health } from "./health.ts";
import { machines } from "./machines.ts";
import { mcp } from "./mcp.ts";
import { pairing } from "./pairing.ts";
import { skills } from "./skills.ts";

export * from "./auth.ts";
export * from "./commands.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./machines.ts";
export * from "./mcp.ts";
export * from "./pairing.ts";
export * from "./skills.ts";

export const contract = { health, auth, pairing, machines, skills, mcp, commands };
export type ClaudeNestContract = typeof contract;
