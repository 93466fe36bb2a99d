/**
 * @module
 * Agentlane SDK: typed clients for AI-agent coordination platforms.
 */
export * from "./core/api-promise.ts";
export {
  type ApiKeyAuthOptions,
  type AuthScheme,
  apiKeyAuth,
  bearerAuth,
  type ClientCredentialsOptions,
  clientCredentialsAuth,
  type RefreshingAuth,
  type RefreshingAuthOptions,
  refreshingAuth,
  type TokenPair,
} from "./core/auth.ts";
export type * from "./core/envelope.ts";
export * from "./core/errors/index.ts";
export type { StreamFactory } from "./core/http-client.ts";
export type { ClientOptions, RequestOptions, RetryOptions, TokenSource } from "./core/options.ts";
export type { ClientMethod, ContractClient, ResourceClient } from "./core/resource.ts";
export { APIStream, parseEventData, readEvents, sseStreams } from "./core/stream.ts";
export * from "./live/index.ts";
export {
  definePlatform,
  type PlatformClient,
  type PlatformClientClass,
  type PlatformClientDefinition,
} from "./platforms/define.ts";
export * from "./platforms/index.ts";
export { type PlatformEntry, platformRegistry } from "./platforms/registry.ts";
