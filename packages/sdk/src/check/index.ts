/**
 * @module
 * `@agentlane/sdk/check`: does a server still match the contract a client was built for? `checkServer()` reads
 * every documented read endpoint of a platform, read-only, and reports each difference with what the SDK does
 * with it; `renderReport()` prints it. The `agentlane check` command is the same from a shell.
 */
export type {
  CheckAuth,
  CheckCredentials,
  CheckProfile,
  KnownVariant,
  WriteRoundTrip,
  WriteStep,
} from "./profile.ts";
export { defineCheckProfile } from "./profile.ts";
export { checkablePlatforms, loadCheckProfile } from "./profiles.ts";
export type { RealtimeCheckOptions, RealtimeProfile } from "./realtime.ts";
export { renderReport } from "./report.ts";
export { type CheckOptions, checkServer } from "./run.ts";
export type {
  CheckReport,
  CheckSummary,
  Difference,
  DifferenceKind,
  EndpointOutcome,
  OutcomeStatus,
  SdkBehaviour,
} from "./types.ts";
