/**
 * @module
 * Agentlane server-lite: a stateful reference server for AI-agent coordination platforms.
 */
export { Clock } from "./core/clock.ts";
export { Failure } from "./core/failure.ts";
export type { Caller, Handlers, PlatformDefinition } from "./core/platform.ts";
export type {
  ChannelAuthorizer,
  ChannelDecision,
  ClientEventHandler,
  PlatformRealtime,
  RealtimeContext,
} from "./realtime/pusher/hooks.ts";
export type { RealtimeInfo, RealtimeOptions } from "./realtime/pusher/setup.ts";
export { createServer, type LiteServer, type PlatformId, platforms, type ServerOptions } from "./server.ts";
export { Database } from "./store/database.ts";
