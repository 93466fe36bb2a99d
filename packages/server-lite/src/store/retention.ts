/**
 * @module
 * Retention for the tables that grow with use and are never emptied by the API (activity feeds, logs,
 * outboxes, execution histories): each platform declares them with a default, a server may change or lift
 * each one, and SQLite enforces it.
 *
 * A rule is a temporary trigger (it lives with the connection, so a file database keeps no trace of one run's
 * settings): after each insert, the rows of the new row's partition beyond the newest `keep` are deleted. The
 * bound is exact at every moment, which tests can rely on, and since no partition outgrows it, the trigger's
 * own reading (the partition's newest `keep` rows, through an index on the partition column) stays bounded too.
 */
import type { Database } from "./database.ts";

/** A table that grows with use, and how much of it a server keeps. */
export interface RetentionRule {
  table: string;
  /** Rows are kept per value of this column (a project, a session); absent: over the whole table. */
  partitionBy?: string;
  /**
   * The column that orders rows oldest first; an index on (`partitionBy`, `orderBy`) must exist.
   * @default "rowid"
   */
  orderBy?: string;
  /** Rows kept per partition unless the server says otherwise. */
  keep: number;
  /** What the rows are, for the documentation. */
  description: string;
  /**
   * A condition on the rows that may be deleted (e.g. deliveries no longer being retried); the others stay,
   * and still count among the newest `keep`.
   */
  prunable?: string;
}

/**
 * A server's changes to the platforms' defaults, by table: a number of rows to keep, or `false` to keep
 * everything.
 * @example { cn_activity: 200, cn_session_logs: false }
 */
export type RetentionOptions = Readonly<Record<string, number | false>>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TypeError(`Not a plain SQL identifier in a retention rule: ${name}`);
  return name;
}

/**
 * Installs each rule's trigger (with the server's override, if any), replacing an earlier one of the same
 * table. Throws on an override that names no declared table or is not a positive whole number, so a typo
 * cannot silently keep everything.
 */
export function applyRetention(db: Database, rules: readonly RetentionRule[], options: RetentionOptions = {}): void {
  const declared = new Set(rules.map((rule) => rule.table));
  for (const [table, keep] of Object.entries(options)) {
    if (!declared.has(table))
      throw new TypeError(`retention: no platform declares the table ${table} (known: ${[...declared].join(", ")})`);
    if (keep !== false && !(Number.isInteger(keep) && keep > 0))
      throw new TypeError(`retention: ${table} must keep a positive whole number of rows, or false`);
  }
  for (const rule of rules) {
    const table = identifier(rule.table);
    const order = identifier(rule.orderBy ?? "rowid");
    const keep = options[table] ?? rule.keep;
    db.sqlite.exec(`DROP TRIGGER IF EXISTS temp.retain_${table}`);
    if (keep === false) continue;
    const same = rule.partitionBy ? `${identifier(rule.partitionBy)} = NEW.${identifier(rule.partitionBy)}` : "1";
    // The body names the table unqualified: SQLite before 3.50 (Node 22's) refuses `main.` inside a trigger, and
    // with no temp table of that name it resolves to the one in main.
    db.sqlite.exec(`CREATE TEMP TRIGGER retain_${table} AFTER INSERT ON main.${table} BEGIN
      DELETE FROM ${table} WHERE ${same}${rule.prunable ? ` AND (${rule.prunable})` : ""} AND ${order} < (
        SELECT ${order} FROM ${table} WHERE ${same} ORDER BY ${order} DESC LIMIT 1 OFFSET ${keep - 1}
      );
    END`);
  }
}
