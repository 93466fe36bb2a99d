/**
 * @module
 * Taking and restoring snapshots of a store: every owner's tables read as JSON, and written back in one
 * transaction (foreign keys checked at its end), so a restore is whole or nothing. Table and column names come
 * from the store's own schema, never from the snapshot.
 */
import type { Database } from "../../store/database.ts";
import { decodeValue, encodeValue, type LiteSnapshot, type SnapshotRow } from "./format.ts";
import { SnapshotError } from "./snapshot-error.ts";

export { SnapshotError };

/** Who owns which tables: `core`, or a platform id. */
export interface TableOwner {
  id: string;
  tables: readonly string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Snapshots of one store's tables. */
export class StoreState {
  readonly #db: Database;
  readonly #owners: readonly TableOwner[];
  readonly #columns = new Map<string, Set<string>>();

  constructor(db: Database, owners: readonly TableOwner[]) {
    this.#db = db;
    this.#owners = owners;
  }

  /** Every row of every owner's tables, and the tables' `AUTOINCREMENT` counters. */
  take(takenAt: string, seed: Record<string, Record<string, string>>): LiteSnapshot {
    const tables: LiteSnapshot["tables"] = {};
    for (const owner of this.#owners) {
      const own: Record<string, SnapshotRow[]> = {};
      for (const table of owner.tables)
        own[table] = this.#db.sqlite
          .prepare(`SELECT * FROM ${quote(table)}`)
          .all()
          .map((row) => Object.fromEntries(Object.entries(row).map(([name, raw]) => [name, encodeValue(raw)])));
      tables[owner.id] = own;
    }
    const sequences: Record<string, number> = {};
    for (const { name, seq } of this.#sequences()) sequences[name] = seq;
    return { format: "agentlane-server-lite.snapshot", version: 1, takenAt, tables, sequences, seed };
  }

  /**
   * Replaces every owner's rows with the snapshot's in one transaction; tables it leaves out end empty. Throws a
   * {@link SnapshotError} (and changes nothing) for an owner, table or column this store does not have, or rows
   * its constraints refuse. Answers the number of rows written.
   */
  restore(snapshot: LiteSnapshot): number {
    const known = new Map(this.#owners.map((owner) => [owner.id, new Set(owner.tables)]));
    for (const [owner, tables] of Object.entries(snapshot.tables)) {
      const own = known.get(owner);
      if (!own) throw new SnapshotError(`The snapshot has tables of "${owner}", which this server does not mount.`);
      for (const [table, rows] of Object.entries(tables)) {
        if (!own.has(table)) throw new SnapshotError(`"${owner}" has no table "${table}".`);
        const columns = this.#columnsOf(table);
        for (const row of rows)
          for (const column of Object.keys(row))
            if (!columns.has(column)) throw new SnapshotError(`The table "${table}" has no column "${column}".`);
      }
    }
    const counted = new Set(this.#owners.flatMap((owner) => owner.tables));
    for (const table of Object.keys(snapshot.sequences))
      if (!counted.has(table)) throw new SnapshotError(`The snapshot counts ids of an unknown table "${table}".`);
    let written = 0;
    try {
      this.#db.tx(() => {
        this.#db.sqlite.exec("PRAGMA defer_foreign_keys = ON");
        for (const table of counted) this.#db.sqlite.exec(`DELETE FROM ${quote(table)}`);
        for (const tables of Object.values(snapshot.tables))
          for (const [table, rows] of Object.entries(tables))
            for (const row of rows) {
              const names = Object.keys(row);
              const sql = `INSERT INTO ${quote(table)} (${names.map(quote).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`;
              this.#db.run(sql, ...names.map((name) => decodeValue(row[name]!)));
              written++;
            }
        if (this.#hasSequences()) {
          for (const table of counted) this.#db.run("DELETE FROM sqlite_sequence WHERE name = ?", table);
          for (const [table, seq] of Object.entries(snapshot.sequences))
            this.#db.run("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, seq);
        }
      });
    } catch (error) {
      throw new SnapshotError(`The store refused the snapshot's rows: ${(error as Error).message}`);
    }
    return written;
  }

  #columnsOf(table: string): Set<string> {
    let columns = this.#columns.get(table);
    if (!columns) {
      const info = this.#db.sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[];
      columns = new Set(info.map((column) => column.name));
      this.#columns.set(table, columns);
    }
    return columns;
  }

  #hasSequences(): boolean {
    return this.#db.get("SELECT 1 AS found FROM sqlite_master WHERE name = 'sqlite_sequence'") !== undefined;
  }

  #sequences(): { name: string; seq: number }[] {
    if (!this.#hasSequences()) return [];
    const counted = new Set(this.#owners.flatMap((owner) => owner.tables));
    return this.#db
      .all<{ name: string; seq: number }>("SELECT name, seq FROM sqlite_sequence")
      .filter((row) => counted.has(row.name));
  }
}
