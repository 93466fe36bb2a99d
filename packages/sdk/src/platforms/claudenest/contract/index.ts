/**
 * @module
 * The ClaudeNest contract (seed document 001): every endpoint as data, one module per resource.
 * Import it to validate responses (`validate: { contract }`) or to build a server.
 */
import { auth } from "./auth.ts";
import { health } from "./health.ts";
import { machines } from "./machines.ts";
import { pairing } from "./pairing.ts";
import { projects } from "./projects.ts";
import { tasks } from "./tasks.ts";

export * from "./auth.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./machines.ts";
export * from "./pairing.ts";
export * from "./projects.ts";
export * from "./tasks.ts";

export const contract = { health, auth, pairing, machines, projects, tasks };
export type ClaudeNestContract = typeof contract;
