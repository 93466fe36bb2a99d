/**
 * @module
 * Which of a session's output log entries a terminal has shown: the join between its log replay and the live
 * chunks, each of which names its log entry. A catch-up after a reconnection reads only the entries after the last
 * one shown; a server whose chunks name no entry (ClaudeNest's own server sends `chunk_id: null`) cannot be joined,
 * and its terminal shows live chunks only after the first read.
 */
import { LiveError } from "../../../live/errors.ts";
import type { SessionLog } from "../contract/sessions.ts";

/** `logs` answers at most this many entries: a catch-up that needs more has lost output. */
export const MAX_LOGS = 10_000;
/** Log ids remembered to drop chunks already shown; far more than one catch-up overlaps. */
const REMEMBERED_IDS = 4096;

/** Reads the latest `limit` output log entries of the session. */
export type LogReader = (limit: number) => Promise<SessionLog[]>;

export class ShownLogs {
  readonly #replay: number;
  readonly #seen = new Set<string>();
  /** The id of the last output log entry shown; undefined before any. */
  #cursor: string | undefined;
  /** Whether the first read (the replay) is done. */
  #replayed = false;
  /** False once a chunk without a log id was shown: the logs can no longer be joined with what was shown. */
  #joinable = true;

  /**
   * `replay`: how many of the latest entries the first read shows, 0 to {@link MAX_LOGS}.
   * @default 1000
   */
  constructor(replay = 1000) {
    this.#replay = Number.isFinite(replay) ? Math.max(0, Math.min(MAX_LOGS, Math.floor(replay))) : 1000;
  }

  /** Whether the entry was shown already. */
  has(id: string): boolean {
    return this.#seen.has(id);
  }

  /** Notes an entry as shown, the last one so far. */
  remember(id: string): void {
    this.#cursor = id;
    this.#seen.add(id);
    if (this.#seen.size > REMEMBERED_IDS) this.#seen.delete(this.#seen.values().next().value!);
  }

  /** Notes that a chunk without a log id was shown. */
  lostJoin(): void {
    this.#joinable = false;
  }

  /** The output logs not shown yet (the latest `replay` ones the first time); `lost` hears of a gap. */
  async newLogs(read: LogReader, lost: (error: LiveError) => void): Promise<SessionLog[]> {
    if (!this.#replayed) {
      const logs = await read(Math.max(1, this.#replay));
      this.#replayed = true;
      if (this.#replay > 0) return logs;
      // Nothing is replayed, but the latest entry is where a later catch-up starts.
      for (const log of logs) this.remember(log.id);
      return [];
    }
    if (!this.#joinable) return [];
    if (this.#cursor === undefined) return read(MAX_LOGS);
    for (const limit of [1000, MAX_LOGS]) {
      const logs = await read(limit);
      const at = logs.findIndex((log) => log.id === this.#cursor);
      if (at >= 0) return logs.slice(at + 1);
      if (logs.length < limit || limit === MAX_LOGS) {
        lost(new LiveError("Some output was lost: the session wrote more than its logs keep while disconnected."));
        return logs;
      }
    }
    return [];
  }
}
