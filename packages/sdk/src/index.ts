/**
 * @module
 * Agentlane SDK: typed clients for AI-agent coordination platforms.
 */
export * from "./core/api-promise.ts";
export type * from "./core/envelope.ts";
export * from "./core/errors/index.ts";
export type { ClientOptions, RequestOptions, RetryOptions, TokenSource } from "./core/options.ts";
export type { ClientMethod, ContractClient, ResourceClient } from "./core/resource.ts";
export * from "./live/index.ts";
export { ClaudeNest, type ClaudeNestOptions } from "./platforms/claudenest/index.ts";
