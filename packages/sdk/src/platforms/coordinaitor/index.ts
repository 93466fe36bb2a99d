/**
 * @module
 * The CoordinAItor client. The contract (zod schemas, the webhook event parser) is a separate entry,
 * `@agentlane/sdk/coordinaitor/contract`.
 */
export { CoordinAItor, type CoordinAItorOptions, type TaskHelpers } from "./client.ts";
export type * from "./contract/index.ts";
export {
  coordinaitorEnvelope,
  encodeError,
  encodeSuccess,
  pageBlock,
  type WireBody,
  type WireError,
  type WireLinks,
  type WireMeta,
  type WirePagination,
} from "./envelope.ts";
export { type CoordinAItorRealtimeOptions, realtimeUrl } from "./live/realtime.ts";
export { TaskFailedError, type TaskWatchEvents, type TaskWatcher, type TaskWatchOptions } from "./live/task-watcher.ts";
export { type CoordinAItorMethods, routes } from "./routes.generated.ts";
