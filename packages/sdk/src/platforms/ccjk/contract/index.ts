/**
 * @module
 * The CCJK Cloud contract (seed document 000, API v1): every endpoint as data, one module per resource.
 * Import it to validate responses (`validate: { contract }`), to parse webhook events (`webhookEvents`) or to
 * build a server.
 *
 * Choices that span resources:
 * - Auth (§2) is an API key as a bearer token; an OAuth client's token (`oauth.token`) works the same. `user`
 *   endpoints need one; `optional` ones (browsing skills, agents, MCP services and plugins) take one when sent,
 *   and answer anonymous callers too. A key that is unknown or revoked is `AUTH_INVALID`, one past its expiry
 *   `AUTH_EXPIRED`.
 * - Everything a caller makes (sync data, tasks, pools, installs, private skills, webhooks) belongs to its
 *   account; another account's rows answer `RESOURCE_NOT_FOUND`.
 * - Rate limits (§3) follow the account's plan: Free 1,000 an hour and 60 a minute, Pro 10,000 and 300,
 *   Enterprise 1,000 a minute with no hourly quota. The `X-RateLimit-*` headers describe the hourly quota
 *   (Enterprise: the minute), plus `X-RateLimit-Reset-InSeconds`; a refusal is `RATE_LIMITED` with
 *   `Retry-After` and `X-RateLimit-Retry-After`. Anonymous callers get 100 an hour per address; the OAuth
 *   token endpoint 20 a minute per address. The concurrency column is enforced on pool sizes (see agents),
 *   not on simultaneous requests.
 */
import { agents } from "./agents.ts";
import { mcp } from "./mcp.ts";
import { oauth } from "./oauth.ts";
import { plugins } from "./plugins.ts";
import { skills } from "./skills.ts";
import { sync } from "./sync.ts";
import { webhooks } from "./webhooks.ts";

export * from "./agents.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./mcp.ts";
export * from "./oauth.ts";
export * from "./plugins.ts";
export * from "./skills.ts";
export * from "./sync.ts";
export * from "./webhooks.ts";

/** Every CCJK Cloud endpoint, by resource and method name: what `new CCJKCloud()` and server-lite are made from. */
export const contract = { oauth, sync, skills, agents, mcp, plugins, webhooks };
/** The type of {@link contract}. */
export type CCJKCloudContract = typeof contract;
