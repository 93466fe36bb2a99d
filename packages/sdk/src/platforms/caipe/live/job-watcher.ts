/**
 * @module
 * `scanJobs.watch(id)`: a scan job followed by polling (CAIPE has no push channel; the document plans jobs as
 * poll-based). Each poll that finds the job changed emits `update`; the watcher ends after the update that
 * carries a final status (`succeeded`, `failed`, `cancelled`), so `for await` loops finish by themselves.
 */
import { createWatcher } from "../../../live/channel-watcher.ts";
import { PollingTransport } from "../../../live/polling.ts";
import type { Watcher, WatcherOptions } from "../../../live/watcher.ts";
import type { ScanJob } from "../contract/scanning.ts";
import { FINAL_JOB_STATUSES } from "../job-status.ts";
import type { CaipeSkillsMethods } from "../routes.generated.ts";

/** The events of a scan job watcher. */
export interface ScanJobEvents {
  /** The job as it is now, emitted whenever its status or progress changed (and once at the start). */
  update: ScanJob;
}

/** A watcher of one scan job. */
export type ScanJobWatcher = Watcher<ScanJobEvents>;

/** Options of `scanJobs.watch()`. */
export interface ScanJobWatchOptions extends WatcherOptions {
  /**
   * Milliseconds between two polls.
   * @default 2000
   */
  interval?: number;
}

const isFinal = (job: ScanJob) => FINAL_JOB_STATUSES.includes(job.status);

/** What tells one state of a job from the next: its status and how far it got. */
const fingerprint = (job: ScanJob) => `${job.status}:${job.progress.scanned}:${job.progress.total}`;

/** Follows a scan job until it ends. */
export function watchScanJob(
  client: Pick<CaipeSkillsMethods, "scanJobs">,
  id: string,
  options: ScanJobWatchOptions = {},
): ScanJobWatcher {
  let last: string | undefined;
  const watcher = createWatcher<ScanJobEvents>({
    ...options,
    channels: [id],
    transport: () =>
      new PollingTransport({
        interval: options.interval ?? 2000,
        async poll(channel, signal) {
          const job = await client.scanJobs.get({ id: channel }, { signal });
          const seen = fingerprint(job);
          if (seen === last) return [];
          last = seen;
          return [{ event: "update", data: job }];
        },
        final: (event) => isFinal(event.data as ScanJob),
      }),
  });
  // The final update has been delivered (listeners and iterator buffers) when this runs: end the watcher.
  watcher.on("update", (job) => {
    if (isFinal(job)) queueMicrotask(() => watcher.close());
  });
  return watcher;
}
