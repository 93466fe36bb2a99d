/**
 * @module
 * The ClaudeNest contract (seed document 001): every endpoint as data, one module per resource.
 * Import it to validate responses (`validate: { contract }`) or to build a server.
 *
 * Each resource module says where it departs from the document or fills a gap. Choices that span resources:
 * - Path parameters keep the document's names, which differ for one resource (`/machines/{id}` but
 *   `/machines/{machine}/sessions`, `/projects/{id}` but `/projects/{project}/tasks`), so SDK inputs do too:
 *   `nest.machines.get({ id })`, `nest.sessions.list({ machine })`.
 * - Which endpoints take a machine's `mn_` token is never stated: each endpoint's `auth` says. `agent` endpoints
 *   take it for the machine's own resources (its sessions, projects, tasks, locks, context, skills, MCP servers
 *   and commands) and act as the owning user; `user` endpoints (account, tokens, machine management, pairing
 *   confirmation, deleting a project) need a personal `cn_` token.
 * - Routes the document does not list are in the contract when ClaudeNest's own web UI needs them to work, or when
 *   they serve SDK users (`dashboard`, `credentials`, `orchestration`, `machines.browse`, `projects.scan`, `tasks.claimNext`), each
 *   marked `beyondDocument` with the real server's code it follows. Of those only its agent daemon uses,
 *   `skills/sync` and `mcp/sync` are (`machine-sync.ts`), and the routes of its context client
 *   (`agent-context.ts`); `/instances/...`, password reset and token refresh are not. Where the agent sends a
 *   documented route a body of its own (claiming and completing tasks, locking, broadcasting, bulk commands), the
 *   route takes both: the document's shape and the agent's, read into the document's (`eitherShape`).
 * - Rate limits are §15's: 10 a minute for the auth and pairing endpoints (their `rateLimit`), 1000 for every other
 *   authenticated call; server-lite allows 60 a minute to the remaining anonymous calls (`health`), which §15
 *   does not cover.
 */
import { agentContext, agentLocks } from "./agent-context.ts";
import { auth } from "./auth.ts";
import { commands } from "./commands.ts";
import { context } from "./context.ts";
import { credentials } from "./credentials.ts";
import { dashboard } from "./dashboard.ts";
import { health } from "./health.ts";
import { locks } from "./locks.ts";
import { machineSync } from "./machine-sync.ts";
import { machines } from "./machines.ts";
import { mcp } from "./mcp.ts";
import { orchestration } from "./orchestration.ts";
import { pairing } from "./pairing.ts";
import { projects } from "./projects.ts";
import { sessions } from "./sessions.ts";
import { skills } from "./skills.ts";
import { taskQueue } from "./task-queue.ts";
import { tasks } from "./tasks.ts";

export * from "./agent-context.ts";
export * from "./auth.ts";
export * from "./browse.ts";
export * from "./commands.ts";
export * from "./common.ts";
export * from "./context.ts";
export * from "./credentials.ts";
export * from "./dashboard.ts";
export * from "./errors.ts";
export * from "./health.ts";
export * from "./locks.ts";
export * from "./machine-sync.ts";
export * from "./machines.ts";
export * from "./mcp.ts";
export * from "./orchestration.ts";
export * from "./pairing.ts";
export * from "./project-scan.ts";
export * from "./projects.ts";
export * from "./sessions.ts";
export * from "./skills.ts";
export * from "./task-queue.ts";
export * from "./tasks.ts";

/** Every ClaudeNest endpoint, by resource and method name: what `new ClaudeNest()` and server-lite are made from. */
export const contract = {
  health,
  auth,
  pairing,
  machines,
  sessions,
  projects,
  tasks: { ...tasks, ...taskQueue },
  context: { ...context, ...agentContext },
  locks: { ...locks, ...agentLocks },
  skills,
  mcp,
  commands,
  dashboard,
  credentials,
  orchestration,
  machineSync,
};
/** The type of {@link contract}. */
export type ClaudeNestContract = typeof contract;
