/**
 * @module
 * `@agentlane/server-lite/lite`: the typed client of server-lite's testing aids (`/_lite/*`) and the types of
 * their answers, for tests against a server in this process or another one.
 */
export type { ChaosState, InjectedFault } from "./testing-aids/chaos/injector.ts";
export type { ChaosOptions, FaultKind, ResolvedChaos } from "./testing-aids/chaos/options.ts";
export {
  type LiteClient,
  type LiteClientOptions,
  LiteError,
  liteClient,
} from "./testing-aids/client/lite-client.ts";
export type { LiteHarEntry } from "./testing-aids/recording/har-entry.ts";
export type { LiteHar, RequestFilter } from "./testing-aids/recording/recorder.ts";
export type { LiteSnapshot, SnapshotRow, SnapshotValue } from "./testing-aids/snapshot/format.ts";
