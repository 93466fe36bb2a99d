/**
 * @module
 * The Actus client. The contract (zod schemas) is a separate entry, `@agentlane/sdk/actus/contract`.
 */
export { Actus, type ActusOptions, type AuthHelpers, type FileHelpers, type SessionHelpers } from "./client.ts";
export type * from "./contract/index.ts";
export { type DownloadedFile, dispositionFilename } from "./download.ts";
export { actusEnvelope, encodeError, encodeSuccess, type WireBody, type WireValidationIssue } from "./envelope.ts";
export {
  type ActusWatchOptions,
  type ChatEvents,
  FINAL_CHAT_EVENTS,
  type SessionListEvents,
  watchChat,
  watchSessions,
} from "./live/chat.ts";
export { type ActusMethods, routes } from "./routes.generated.ts";
