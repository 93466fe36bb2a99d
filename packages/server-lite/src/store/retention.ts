/**
 * @module
 * Retention for the tables that grow with use and are never emptied by the API (activity feeds, logs,
 * outboxes, execution histories): each platform declares them with a default, a server may change or lift
 * each one, and SQLite enforces it.
 *
 * A rule is a few temporary triggers and a temporary table (they live with the connection, so a file database
 * keeps no trace of one run's settings): after each insert, the rows of the new row's partition beyond the
 * newest `keep` are deleted. The bound is exact at every moment, which tests can rely on.
 *
 * The triggers keep each partition's row count in the temporary table, so an insert costs the same whatever
 * `keep` is: it reads one count and, in a full partition, deletes the oldest row through the index on
 * (`partitionBy`, `orderBy`). Finding the `keep`-th newest row instead would walk `keep` index entries on
 * every insert.
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
    const counts = `retained_${table}`;
    db.sqlite.exec(`DROP TRIGGER IF EXISTS temp.retain_${table};
      DROP TRIGGER IF EXISTS temp.retain_${table}_deleted;
      DROP TRIGGER IF EXISTS temp.retain_${table}_moved;
      DROP TABLE IF EXISTS temp.${counts};`);
    if (keep === false) continue;
    // Rows whose partition is NULL belong to no partition: they are neither counted nor deleted.
    const column = rule.partitionBy ? identifier(rule.partitionBy) : undefined;
    const part = (row: "NEW" | "OLD") => (column ? `${row}.${column}` : "0");
    const when = (row: "NEW" | "OLD") => (column ? `WHEN ${row}.${column} IS NOT NULL` : "");
    const same = column ? `${column} = NEW.${column}` : "1";
    db.sqlite.exec(`CREATE TEMP TABLE ${counts} (part PRIMARY KEY, n INTEGER NOT NULL);
      INSERT INTO temp.${counts} (part, n)
        SELECT ${column ?? "0"}, count(*) FROM main.${table} ${column ? `WHERE ${column} IS NOT NULL GROUP BY ${column}` : ""};`);
    // The delete names the partition as well as the order: an order column may count within its partition (a
    // session's `seq`), so its values repeat across partitions, and only (partition, order) finds the rows
    // through the index rather than by scanning the table.
    // The bodies name tables unqualified: SQLite before 3.50 (Node 22's) refuses `main.` inside a trigger. The
    // count table resolves to the temporary one, the rule's table (no temporary table has its name) to main's.
    db.sqlite.exec(`CREATE TEMP TRIGGER retain_${table} AFTER INSERT ON main.${table} ${when("NEW")} BEGIN
      INSERT INTO ${counts} (part, n) VALUES (${part("NEW")}, 1) ON CONFLICT (part) DO UPDATE SET n = n + 1;
      DELETE FROM ${table} WHERE ${column ? `${same} AND ` : ""}${order} IN (
        SELECT ${order} FROM ${table} WHERE ${same} ORDER BY ${order}
        LIMIT max(0, (SELECT n FROM ${counts} WHERE part = ${part("NEW")}) - ${keep})
      )${rule.prunable ? ` AND (${rule.prunable})` : ""};
    END;
    CREATE TEMP TRIGGER retain_${table}_deleted AFTER DELETE ON main.${table} ${when("OLD")} BEGIN
      UPDATE ${counts} SET n = n - 1 WHERE part = ${part("OLD")};
    END;`);
    if (column)
      db.sqlite.exec(`CREATE TEMP TRIGGER retain_${table}_moved AFTER UPDATE OF ${column} ON main.${table}
        WHEN OLD.${column} IS NOT NEW.${column} BEGIN
        UPDATE ${counts} SET n = n - 1 WHERE part = OLD.${column};
        INSERT INTO ${counts} (part, n) SELECT NEW.${column}, 1 WHERE NEW.${column} IS NOT NULL
          ON CONFLICT (part) DO UPDATE SET n = n + 1;
      END;`);
  }
}
