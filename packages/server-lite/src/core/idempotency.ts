/**
 * @module
 * `Idempotency-Key` on POST and PATCH: the first answer for a key and caller is stored for 24 hours and
 * replayed for every repeat; the same key with a different request is refused (422), as the IETF draft says.
 * Keys are at most 255 characters, forgotten ones are deleted, and each caller keeps at most its newest
 * `maxKeysPerCaller` (older ones are forgotten first), so neither time nor one caller makes the store grow without
 * end.
 */
import { createHash } from "node:crypto";
import type { Database } from "../store/database.ts";
import type { Clock } from "./clock.ts";

/** Lets a caller's oldest keys be found without a scan. */
export const idempotencyIndexMigration = {
  id: "core-002-idempotency-by-scope",
  sql: "CREATE INDEX _idempotency_by_scope ON _idempotency (scope, created_at)",
};

export const idempotencyMigration = {
  id: "core-001-idempotency",
  sql: `CREATE TABLE _idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  )`,
};

const TTL_MS = 24 * 60 * 60 * 1000;
/** Longest key accepted (as long as the keys Stripe takes); a longer one is refused with 422. */
export const MAX_KEY_LENGTH = 255;
/** Forgotten keys are deleted at most this often, on a save. */
const PURGE_EVERY_MS = 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
}

export class IdempotencyStore {
  readonly db: Database;
  readonly clock: Clock;
  /** Keys kept per caller; past it the oldest are forgotten. */
  readonly maxKeysPerCaller: number;
  #purgedAt = Number.NEGATIVE_INFINITY;

  constructor(db: Database, clock: Clock, maxKeysPerCaller = 1000) {
    this.db = db;
    this.clock = clock;
    this.maxKeysPerCaller = Math.max(1, maxKeysPerCaller);
  }

  static fingerprint(method: string, path: string, body: string): string {
    return createHash("sha256").update(method).update("\0").update(path).update("\0").update(body).digest("hex");
  }

  /** The stored answer, `"mismatch"` when the key was used for another request, or undefined. */
  lookup(scope: string, key: string, fingerprint: string): StoredResponse | "mismatch" | undefined {
    const row = this.db.get<{ fingerprint: string; status: number; body: string; created_at: number }>(
      "SELECT fingerprint, status, body, created_at FROM _idempotency WHERE scope = ? AND key = ?",
      scope,
      key,
    );
    if (!row || row.created_at + TTL_MS <= this.clock.now()) return undefined;
    if (row.fingerprint !== fingerprint) return "mismatch";
    return { status: row.status, body: row.body };
  }

  save(scope: string, key: string, fingerprint: string, response: StoredResponse): void {
    const now = this.clock.now();
    if (now - this.#purgedAt >= PURGE_EVERY_MS) {
      this.#purgedAt = now;
      this.db.run("DELETE FROM _idempotency WHERE created_at <= ?", now - TTL_MS);
    }
    this.db.run(
      "INSERT OR REPLACE INTO _idempotency (scope, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      scope,
      key,
      fingerprint,
      response.status,
      response.body,
      now,
    );
    this.db.run(
      `DELETE FROM _idempotency WHERE scope = ? AND rowid IN (
         SELECT rowid FROM _idempotency WHERE scope = ? ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)`,
      scope,
      scope,
      this.maxKeysPerCaller,
    );
  }
}
