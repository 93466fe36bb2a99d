/**
 * @module
 * The ClaudeNest client. The contract (zod schemas) is a separate entry, `@agentlane/sdk/claudenest/contract`.
 */

export {
  AgentConnection,
  type AgentConnectionEvents,
  type AgentConnectionOptions,
  type AgentHandler,
  connectAgent,
} from "./agent/connection.ts";
export type * from "./agent/messages.ts";
export {
  ClaudeNest,
  type ClaudeNestOptions,
  type LockHelpers,
  type SessionHelpers,
  type TaskHelpers,
} from "./client.ts";
export type * from "./contract/index.ts";
export {
  claudenestEnvelope,
  encodeError,
  encodeSuccess,
  type WireBody,
  type WireError,
  type WireMeta,
  type WirePagination,
} from "./envelope.ts";
export {
  type LockEvents,
  projectChannel,
  type SessionOutputEvent,
  sessionChannel,
  type TaskEvents,
} from "./live/events.ts";
export type { ChannelNaming } from "./live/namings.ts";
export type { LockWatcher, ProjectWatchOptions, TaskWatcher } from "./live/project-watchers.ts";
export { type ClaudeNestRealtimeOptions, DEFAULT_APP_KEY, realtimeUrl } from "./live/realtime.ts";
export {
  type AttachOptions,
  SessionTerminal,
  type SessionTerminalEvents,
  type TerminalExit,
} from "./live/terminal.ts";
export type { PairedMachine, PairMachineOptions } from "./pairing.ts";
export { type ClaudeNestMethods, routes } from "./routes.generated.ts";
export { readCommand } from "./shapes/commands.ts";
export {
  lockTaskFiles,
  type TaskContext,
  type TaskHandler,
  type TaskOutcome,
  type WorkerEvent,
  type WorkOptions,
  type WorkResult,
} from "./worker.ts";
