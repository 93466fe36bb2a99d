/**
 * @module
 * The quarantine policy: one row. Until an admin writes it, flagged skills stay in the catalog marked
 * `runnable: false` (the real UI's behaviour: admins still see and re-scan them) and nothing is allow-listed.
 */
import type { QuarantinePolicy, QuarantinePolicyUpdate, ScanStatus } from "@agentlane/sdk/caipe/contract";
import type { Clock } from "../../../core/clock.ts";
import type { Database } from "../../../store/database.ts";

interface PolicyRow {
  exclude_flagged: number;
  allow_list: string;
  updated_at: string | null;
  updated_by: string | null;
}

/** The policy store. */
export class Policy {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  get(): QuarantinePolicy {
    const row = this.#db.get<PolicyRow>("SELECT * FROM caipe_policy WHERE id = 1");
    return {
      exclude_flagged_from_catalog: row ? row.exclude_flagged === 1 : false,
      allow_list_skill_ids: row ? (JSON.parse(row.allow_list) as string[]) : [],
      updated_at: row?.updated_at ?? null,
      updated_by: row?.updated_by ?? null,
    };
  }

  update(changes: QuarantinePolicyUpdate, by: string): QuarantinePolicy {
    const current = this.get();
    const exclude = changes.exclude_flagged_from_catalog ?? current.exclude_flagged_from_catalog;
    const allow = [...new Set(changes.allow_list_skill_ids ?? current.allow_list_skill_ids)];
    this.#db.run(
      `INSERT INTO caipe_policy (id, exclude_flagged, allow_list, updated_at, updated_by) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET exclude_flagged = excluded.exclude_flagged, allow_list = excluded.allow_list,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      exclude ? 1 : 0,
      JSON.stringify(allow),
      this.#clock.iso(),
      by,
    );
    return this.get();
  }
}

/** Whether a skill is quarantined under a policy: flagged and not allow-listed. */
export function isQuarantined(policy: QuarantinePolicy, id: string, status: ScanStatus | undefined): boolean {
  return status === "flagged" && !policy.allow_list_skill_ids.includes(id);
}
