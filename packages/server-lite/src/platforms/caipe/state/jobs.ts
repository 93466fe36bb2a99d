/**
 * @module
 * Scan jobs, progressing on the server clock. A job takes its list of skills when it starts, waits `QUEUE_MS`
 * (`queued`), then scans one skill every `STEP_MS` (`running`) until all are scanned (`succeeded`). Progress is
 * computed from the clock whenever a job (or anything a scan changes, such as the catalog) is read: the same
 * reads at the same server times give the same answers, and a test moves a job with `server.clock.advance()`.
 * Cancelling first brings the job up to now, so what it scanned before stays scanned.
 */
import type { ScanJob, ScanJobStatus } from "@agentlane/sdk/caipe/contract";
import { FINAL_JOB_STATUSES } from "@agentlane/sdk/caipe/contract";
import type { Clock } from "../../../core/clock.ts";
import { uuid } from "../../../core/ids.ts";
import type { Database } from "../../../store/database.ts";
import type { Scans } from "./scans.ts";

/** How long a job stays queued. */
export const QUEUE_MS = 1000;
/** How long scanning one skill takes, in server time. */
export const STEP_MS = 1000;

interface JobRow {
  id: string;
  kind: "catalog" | "hub";
  hub_id: string | null;
  status: ScanJobStatus;
  created_by: string;
  creator_id: string;
  created_ms: number;
  finished_ms: number | null;
  items: string;
  scanned: number;
  passed: number;
  flagged: number;
  unscanned: number;
  flagged_ids: string;
  error: string | null;
}

const isFinal = (status: ScanJobStatus) => FINAL_JOB_STATUSES.includes(status);

/** The job store and its clock-driven progress. */
export class Jobs {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #scans: Scans;
  readonly #onFinished: () => void;

  constructor(db: Database, clock: Clock, scans: Scans, onFinished: () => void) {
    this.#db = db;
    this.#clock = clock;
    this.#scans = scans;
    this.#onFinished = onFinished;
  }

  /** Starts a job over these skill ids (or records one that failed before it could start). */
  create(input: {
    kind: "catalog" | "hub";
    hubId: string | null;
    creator: { id: string; email: string };
    items: string[];
    error?: string;
  }): ScanJob {
    const id = `scanjob-${uuid()}`;
    const now = this.#clock.now();
    this.#db.run(
      `INSERT INTO caipe_scan_jobs (id, kind, hub_id, status, created_by, creator_id, created_ms, finished_ms, items, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.kind,
      input.hubId,
      input.error ? "failed" : "queued",
      input.creator.email,
      input.creator.id,
      now,
      input.error ? now : null,
      JSON.stringify(input.items),
      input.error ?? null,
    );
    return this.view(this.#row(id)!);
  }

  #row(id: string): JobRow | undefined {
    return this.#db.get<JobRow>("SELECT * FROM caipe_scan_jobs WHERE id = ?", id);
  }

  /** A job brought up to now, if it exists. */
  get(id: string): ScanJob | undefined {
    const row = this.#row(id);
    return row ? this.view(this.#settle(row)) : undefined;
  }

  /** The user id that started a job. */
  creatorOf(id: string): string | undefined {
    return this.#row(id)?.creator_id;
  }

  /** Brings every unfinished job up to now (before anything reads scan results). */
  settleAll(): void {
    for (const row of this.#db.all<JobRow>("SELECT * FROM caipe_scan_jobs WHERE status IN ('queued', 'running')"))
      this.#settle(row);
  }

  /** The unfinished job of a kind, if one is queued or running now. */
  activeOf(kind: "catalog" | "hub", hubId: string | null): ScanJob | undefined {
    this.settleAll();
    const row = this.#db.get<JobRow>(
      "SELECT * FROM caipe_scan_jobs WHERE kind = ? AND hub_id IS ? AND status IN ('queued', 'running')",
      kind,
      hubId,
    );
    return row ? this.view(row) : undefined;
  }

  /** Cancels a job that has not ended; answers `undefined` when it had. */
  cancel(id: string): ScanJob | undefined {
    const row = this.#settle(this.#row(id)!);
    if (isFinal(row.status)) return undefined;
    this.#db.run(
      "UPDATE caipe_scan_jobs SET status = 'cancelled', finished_ms = ? WHERE id = ?",
      this.#clock.now(),
      row.id,
    );
    return this.view(this.#row(id)!);
  }

  /** Scans what is due by now; answers the row as it now is. */
  #settle(row: JobRow): JobRow {
    if (isFinal(row.status)) return row;
    const now = this.#clock.now();
    const start = row.created_ms + QUEUE_MS;
    if (now < start) return row;
    const items = JSON.parse(row.items) as string[];
    const due = Math.min(items.length, Math.floor((now - start) / STEP_MS) + 1);
    const next = { ...row, flagged_ids: JSON.parse(row.flagged_ids) as string[] };
    const finished = due === items.length;
    this.#db.tx(() => {
      for (let i = row.scanned; i < due; i++) {
        const ref = this.#scans.find(items[i]!);
        // A skill deleted before its turn counts as unscanned.
        const status = ref ? this.#scans.scan(ref, this.#clock.iso(start + i * STEP_MS)).scan_status : "unscanned";
        next[status]++;
        if (status === "flagged") next.flagged_ids.push(items[i]!);
      }
      next.scanned = due;
      next.status = finished ? "succeeded" : "running";
      next.finished_ms = finished ? start + Math.max(0, items.length - 1) * STEP_MS : null;
      this.#db.run(
        `UPDATE caipe_scan_jobs SET status = ?, scanned = ?, passed = ?, flagged = ?, unscanned = ?, flagged_ids = ?,
         finished_ms = ? WHERE id = ?`,
        next.status,
        next.scanned,
        next.passed,
        next.flagged,
        next.unscanned,
        JSON.stringify(next.flagged_ids),
        next.finished_ms,
        row.id,
      );
    });
    if (finished) this.#onFinished();
    return { ...next, flagged_ids: JSON.stringify(next.flagged_ids) };
  }

  /** A job as a client reads it. */
  view(row: JobRow | ScanJob): ScanJob {
    if ("progress" in row) return row;
    const total = (JSON.parse(row.items) as string[]).length;
    const started =
      row.status === "queued" || (row.status === "failed" && row.scanned === 0 && row.error)
        ? null
        : row.created_ms + QUEUE_MS;
    const summary = isFinal(row.status)
      ? row.status === "failed"
        ? `Failed: ${row.error}`
        : `Scanned ${row.scanned} of ${total} skills: ${row.passed} passed, ${row.flagged} flagged, ${row.unscanned} unscanned${row.status === "cancelled" ? " (cancelled)" : ""}`
      : null;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      hub_id: row.hub_id,
      created_by: row.created_by,
      created_at: this.#clock.iso(row.created_ms),
      started_at:
        started === null || started > (row.finished_ms ?? Number.POSITIVE_INFINITY) ? null : this.#clock.iso(started),
      finished_at: row.finished_ms === null ? null : this.#clock.iso(row.finished_ms),
      progress: { total, scanned: row.scanned, passed: row.passed, flagged: row.flagged, unscanned: row.unscanned },
      flagged_skill_ids: JSON.parse(row.flagged_ids) as string[],
      summary,
      error: row.error,
    };
  }
}
