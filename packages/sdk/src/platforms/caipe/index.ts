/**
 * @module
 * The CAIPE Skills client. The contract (zod schemas) is a separate entry, `@agentlane/sdk/caipe/contract`.
 */
export { CaipeSkills, type CaipeSkillsOptions, type ConfigHelpers, type ScanJobHelpers } from "./client.ts";
export type * from "./contract/index.ts";
export { caipeEnvelope, encodeError, encodeSuccess, type WireBody, type WireError } from "./envelope.ts";
export {
  type ScanJobEvents,
  type ScanJobWatcher,
  type ScanJobWatchOptions,
  watchScanJob,
} from "./live/job-watcher.ts";
export { type CaipeSkillsMethods, routes } from "./routes.generated.ts";
