/**
 * @module
 * The CCJK Cloud client. The contract (zod schemas, webhook event parser) is a separate entry,
 * `@agentlane/sdk/ccjk/contract`.
 */
export { type AgentTaskHelpers, CCJKCloud, type CCJKCloudOptions, type CCJKOAuthClient } from "./client.ts";
export type * from "./contract/index.ts";
export {
  ccjkEnvelope,
  encodeError,
  encodePage,
  encodeSuccess,
  type WireBody,
  type WireError,
  type WirePagination,
} from "./envelope.ts";
export { type CCJKCloudMethods, routes } from "./routes.generated.ts";
export { type TaskWatchEvents, type TaskWatcher, type TaskWatchOptions, watchTask } from "./task-watch.ts";
