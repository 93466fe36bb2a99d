/**
 * @module
 * The testing aids of one server, made in one place: faults (around every request and WebSocket upgrade),
 * the request recorder, snapshots of the store, and what `createServer` and `LiteServer` offer of them.
 */
import type { Hono } from "hono";
import type { Clock } from "../core/clock.ts";
import type { RequestFaults } from "../core/pipeline/faults.ts";
import type { UpgradeFaults } from "../core/realtime.ts";
import type { Database } from "../store/database.ts";
import { FaultInjector, type InjectedFault } from "./chaos/injector.ts";
import type { ChaosOptions } from "./chaos/options.ts";
import { requestFaults } from "./chaos/request-faults.ts";
import { upgradeFaults } from "./chaos/stream-cut.ts";
import { type LiteHar, type RecordOptions, type RequestFilter, RequestRecorder } from "./recording/recorder.ts";
import type { LiteSnapshot } from "./snapshot/format.ts";
import { loadSnapshot } from "./snapshot/load.ts";
import { StoreState, type TableOwner } from "./snapshot/store-state.ts";

/** The testing aids' options of `createServer`. */
export interface TestingAidOptions {
  /**
   * Inject faults into the platforms' requests, deterministic from a seed (`server.chaos.configure()` and
   * `POST /_lite/chaos` change them at run time).
   * @default no faults
   * @example { rate: 0.2, seed: 7, kinds: ["503", "drop", "lost"] }
   */
  chaos?: ChaosOptions;
  /** Told of every injected fault (its kind, request id, method and path). @default nothing */
  onFault?: (fault: InjectedFault) => void;
  /**
   * Start from a snapshot (as `server.snapshot()` or `GET /_lite/snapshot` made it), or the JSON file it was
   * saved to; applied after `seed`.
   * @example "scenario.json"
   */
  load?: LiteSnapshot | string;
  /**
   * Record every exchange with the platforms (secrets redacted), answered as HAR 1.2 by `server.requests()` and
   * `GET /_lite/requests`; `file` is written when the server closes.
   * @default on (the latest 1,000) with `lite`, else off
   * @example { file: "requests.har" }
   */
  record?: boolean | RecordOptions;
}

/** What a server offers of its testing aids. */
export interface TestingAidControls {
  /** Fault injection: its configuration, what it injected (`configure({ rate: 0 })` turns it off). */
  readonly chaos: Pick<FaultInjector, "configure" | "state" | "config" | "active">;
  /** The whole state of every mounted platform, as JSON (`GET /_lite/snapshot`). */
  snapshot(): LiteSnapshot;
  /**
   * Replaces the whole state with a snapshot's, in one transaction (`PUT /_lite/snapshot`); rate-limit windows
   * are emptied and processes of the replaced rows stopped. Throws a `SnapshotError`, changing nothing, for a
   * snapshot this server cannot hold.
   */
  restore(snapshot: LiteSnapshot): Promise<{ rows: number }>;
  /** The recorded exchanges as HAR 1.2 (`GET /_lite/requests`); throws when recording is off. */
  requests(filter?: RequestFilter): LiteHar;
}

/** What the aids need of the server they serve. */
export interface AidsSetup {
  app: Hono;
  db: Database;
  clock: Clock;
  /** Every table, by owner (`core`, or a platform id). */
  owners: readonly TableOwner[];
  /** Whether `/_lite/*` is served (recording is then on unless `record` says otherwise). */
  lite: boolean;
  options: TestingAidOptions;
  /** What seeding made, by platform; a restore replaces it with the snapshot's. */
  seedInfo: Record<string, Record<string, string>>;
  /** Clears what belonged to the replaced state (rate-limit windows, processes). */
  afterStateReplaced(): Promise<void>;
  /** server-lite's version, named as the recording's creator. */
  version: string;
}

/** Makes a server's testing aids; the recorder's middleware is added to the app at once, before any route. */
export function testingAids(setup: AidsSetup) {
  const { app, clock, options, seedInfo } = setup;
  const injector = new FaultInjector(() => clock.iso(), options.onFault);
  if (options.chaos) injector.configure(options.chaos);
  const record = options.record ?? setup.lite;
  const recorder = record
    ? new RequestRecorder(clock, record === true ? {} : record, (request) => injector.faultOf(request), setup.version)
    : undefined;
  if (recorder) app.use("*", recorder.middleware());
  const state = new StoreState(setup.db, setup.owners);
  let seeded: LiteSnapshot | undefined;

  const controls: TestingAidControls = {
    chaos: injector,
    snapshot: () => state.take(clock.iso(), structuredClone(seedInfo)),
    async restore(snapshot) {
      const rows = state.restore(snapshot);
      for (const id of Object.keys(seedInfo)) delete seedInfo[id];
      Object.assign(seedInfo, structuredClone(snapshot.seed));
      await setup.afterStateReplaced();
      return { rows };
    },
    requests(filter) {
      if (!recorder) throw new Error("Recording is off: create the server with `record: true`");
      return recorder.har(filter);
    },
  };
  return {
    controls,
    injector,
    recorder,
    requestFaults: requestFaults(injector) satisfies RequestFaults,
    upgradeFaults: upgradeFaults(injector) satisfies UpgradeFaults,
    /** Remembers the state seeding made, for `reset({ keepSeed: true })`. */
    seeded(): void {
      seeded = controls.snapshot();
    },
    /** Restores what seeding made; answers `false` when nothing was seeded. */
    async resetToSeed(): Promise<boolean> {
      if (!seeded) return false;
      await controls.restore(seeded);
      return true;
    },
    /** Applies the `load` option. */
    async load(): Promise<void> {
      if (options.load !== undefined) await controls.restore(await loadSnapshot(options.load));
    },
    /** Writes the recording's file, if any. */
    close: async () => recorder?.save(),
  };
}
