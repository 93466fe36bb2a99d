/**
 * @module
 * Agentlane server-lite: a stateful reference server for AI-agent coordination platforms.
 */
export { Clock } from "./core/clock.ts";
export type { Credentials } from "./core/credentials.ts";
export { Failure } from "./core/failure.ts";
export type {
  AnyPlatform,
  Caller,
  Environment,
  Handlers,
  PlatformDefinition,
  RateLimitPolicy,
  ServerEnvelope,
  SuccessMeta,
} from "./core/platform.ts";
export type { RealtimeEndpoint, RealtimeKind, RealtimeStart } from "./core/realtime.ts";
export {
  type DispatchRequest,
  type WebhookDelivery,
  WebhookDispatcher,
  type WebhookDispatcherOptions,
} from "./core/webhooks.ts";
export type { ActusSeedInfo } from "./platforms/actus/seed.ts";
export type { CaipeSeedInfo } from "./platforms/caipe/seed.ts";
export type { CCJKSeedInfo } from "./platforms/ccjk/seed.ts";
export type { ClaudeNestSeedInfo } from "./platforms/claudenest/seed.ts";
export type { CoordinAItorSeedInfo } from "./platforms/coordinaitor/seed.ts";
export type {
  ChannelAuthorizer,
  ChannelDecision,
  ClientEventHandler,
  PlatformRealtime,
  RealtimeContext,
} from "./realtime/pusher/hooks.ts";
export { type PusherKind, pusherRealtime, type RealtimeInfo, type RealtimeOptions } from "./realtime/pusher/kind.ts";
export { sseFrame, sseResponse } from "./realtime/sse/stream.ts";
export {
  createServer,
  type LiteServer,
  loadPlatform,
  type PlatformId,
  platformIds,
  type SeedInfo,
  type ServerOptions,
} from "./server.ts";
export { Database } from "./store/database.ts";
export type { RetentionOptions, RetentionRule } from "./store/retention.ts";
export type { ChaosState, InjectedFault } from "./testing-aids/chaos/injector.ts";
export { type ChaosOptions, type FaultKind, faultKinds, type ResolvedChaos } from "./testing-aids/chaos/kinds.ts";
export type { LiteHarEntry } from "./testing-aids/recording/har-entry.ts";
export type { LiteHar, RecordOptions, RequestFilter } from "./testing-aids/recording/recorder.ts";
export type { TestingAidControls, TestingAidOptions } from "./testing-aids/server-aids.ts";
export type { LiteSnapshot, SnapshotRow, SnapshotValue } from "./testing-aids/snapshot/format.ts";
export { SnapshotError } from "./testing-aids/snapshot/snapshot-error.ts";
