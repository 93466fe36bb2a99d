/**
 * @module
 * The CoordinAItor contract (seed document 002): every endpoint as data, one module per resource. Import it to
 * validate responses (`validate: { contract }`), to parse webhook events (`parseWebhookEvent`) or to build a
 * server.
 *
 * Each resource module says where it departs from the document or fills a gap. Choices that span resources:
 * - Paths are written from the origin (`/api/v1/tasks`, `/api/auth/login`, `/oauth/token`), because the document
 *   uses three roots: the versioned reference, the Authentication section's unversioned examples and the OAuth
 *   endpoints at the origin. The SDK's `baseUrl` is the origin, as the document's SDK example has it
 *   (`http://localhost:3000`).
 * - Auth requirement names: `none`; `user` (any credentials); `session` (a signed-in user's JWT, not an API key:
 *   creating keys and OAuth grants); `admin` (an administrator; an API key also needs the `admin` permission);
 *   and the permission names (`tasks:read`, `tasks:write`, ...) an API key or OAuth token must carry. A
 *   signed-in user has every permission but `admin`, which only administrators have.
 * - `VALIDATION_ERROR` is 422 with `details` naming each field: `{title: ["Title is required"]}`.
 * - Rate limits are the Free tier's (1,000 requests an hour per caller, `X-RateLimit-Window: 3600`); login,
 *   refresh and token requests 20 a minute per address.
 * - `GET /api/docs` (Swagger UI) is served by server-lite beside the contract, not as an SDK method.
 */
import { agents } from "./agents.ts";
import { auth } from "./auth.ts";
import { projects } from "./projects.ts";
import { system } from "./system.ts";
import { tasks } from "./tasks.ts";
import { users } from "./users.ts";
import { webhooks } from "./webhooks.ts";

export * from "./agents.ts";
export * from "./auth.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./projects.ts";
export * from "./system.ts";
export * from "./tasks.ts";
export * from "./users.ts";
export * from "./webhooks.ts";

/** Every CoordinAItor endpoint, by resource and method name: what `new CoordinAItor()` and server-lite are made from. */
export const contract = { auth, tasks, agents, projects, users, system, webhooks };
/** The type of {@link contract}. */
export type CoordinAItorContract = typeof contract;
