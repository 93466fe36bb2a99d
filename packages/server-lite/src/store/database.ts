/**
 * @module
 * SQLite through `node:sqlite`: `:memory:` or a file in WAL mode, migrations per platform, and `tx()` for
 * everything that must be atomic. Calls are synchronous, so a transaction never interleaves with another
 * request in this process; the transaction makes partial writes impossible when a step fails.
 */
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { PageAnchors } from "./page-anchors.ts";
import { nodeSqlite } from "./sqlite.ts";

export type Row = Record<string, unknown>;

/**
 * A bare `LIMIT ?` or `OFFSET ?`. SQLite (since 3.48) plans with the value bound to one, so a statement that has
 * one is planned again whenever it is bound anew, which `node:sqlite` does on every run: parsing and planning
 * doubled the cost of reading a page. As `?+0`, an expression, the parameter no longer steers the plan.
 */
const BARE_LIMIT = /\b(LIMIT|OFFSET)\s+\?(?![\d+])/gi;

/**
 * A pattern parameter of `LIKE` or `GLOB`. SQLite reads the value bound to one when it plans (a prefix pattern could
 * use an index), so such a statement, too, is planned anew on every run. As `(?||'')`, the same text, it is not.
 */
const BARE_PATTERN = /\b(LIKE|GLOB)\s+\?(\d*)(?![\d+])/gi;

/** `sql` with its `LIMIT`, `OFFSET` and pattern parameters written so that a statement keeps its plan. */
function keepingPlan(sql: string): string {
  return sql.replace(BARE_LIMIT, "$1 ?+0").replace(BARE_PATTERN, "$1 (?$2||'')");
}

/**
 * A function that names a row's values: an object literal with the columns as keys, compiled once per statement.
 * Every row it builds has the same shape, where assigning the names one by one in a loop would go through V8's
 * slowest (megamorphic) property stores on every value. Later columns of the same name win, as in `SELECT *`.
 */
function rowBuilder(names: readonly string[]): (values: unknown[]) => Row {
  const last = new Map(names.map((name, i) => [name, i]));
  // A computed key defines an own property even for `__proto__`, which a plain literal key would not.
  const fields = [...last].map(([name, i]) =>
    name === "__proto__" ? `["__proto__"]: values[${i}]` : `${JSON.stringify(name)}: values[${i}]`,
  );
  return new Function("values", `return { ${fields.join(", ")} };`) as (values: unknown[]) => Row;
}

export class Database {
  readonly sqlite: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #readers = new Map<string, { statement: StatementSync; named: (values: unknown[]) => Row }>();
  readonly #pages = new Map<string, { statement: StatementSync; named: (values: unknown[]) => Row }>();
  readonly #anchors: PageAnchors;
  #depth = 0;

  constructor(location = ":memory:") {
    this.sqlite = new (nodeSqlite().DatabaseSync)(location);
    if (location !== ":memory:") this.sqlite.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    this.sqlite.exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
    this.#anchors = new PageAnchors(this.sqlite);
    this.sqlite.exec("CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  }

  /** Applies each migration once, in order; `id` must be unique across platforms. */
  migrate(migrations: ReadonlyArray<{ id: string; sql: string }>): void {
    const applied = new Set(this.all<{ id: string }>("SELECT id FROM _migrations").map((r) => r.id));
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      this.tx(() => {
        this.sqlite.exec(m.sql);
        this.run("INSERT INTO _migrations (id, applied_at) VALUES (?, ?)", m.id, new Date().toISOString());
      });
      // A reader names its columns once: a `SELECT *` read before a table changed would name the old ones.
      this.#readers.clear();
      this.#pages.clear();
    }
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(keepingPlan(sql));
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * A statement that reads rows, prepared once, answering arrays that its row builder names (see
   * {@link rowBuilder}): `node:sqlite` would otherwise make each row's keys from the column names anew.
   */
  #reader(sql: string) {
    let reader = this.#readers.get(sql);
    if (!reader) {
      const statement = this.sqlite.prepare(keepingPlan(sql));
      statement.setReturnArrays(true);
      reader = { statement, named: rowBuilder(statement.columns().map((c) => c.name)) };
      this.#readers.set(sql, reader);
    }
    return reader;
  }

  get<T = Row>(sql: string, ...params: unknown[]): T | undefined {
    const { statement, named } = this.#reader(sql);
    const values = statement.get(...(params as never[])) as unknown as unknown[] | undefined;
    return values === undefined ? undefined : (named(values) as T);
  }

  all<T = Row>(sql: string, ...params: unknown[]): T[] {
    const { statement, named } = this.#reader(sql);
    return (statement.all(...(params as never[])) as unknown as unknown[][]).map(named) as T[];
  }

  run(sql: string, ...params: unknown[]): { changes: number } {
    const result = this.#prepare(sql).run(...(params as never[]));
    return { changes: Number(result.changes) };
  }

  /**
   * One page of a query and the size of the whole result. The total is a separate count, so that columns that
   * cost a subquery are computed for the page's rows only (a window count would compute them for every match);
   * rows are read as arrays, which are cheaper to build than objects, and named here.
   */
  page<T = Row>(query: {
    /** The selected columns, e.g. `t.*, (SELECT ...) AS blocked`. */
    columns: string;
    /** The table part, e.g. `cn_tasks t`. */
    from: string;
    where: string;
    args: readonly unknown[];
    orderBy: string;
    page: number;
    perPage: number;
    /** The size of the whole result when the caller keeps it (a counter table); counted otherwise. */
    total?: number | undefined;
    /**
     * When `orderBy` is a unique integer key in ascending order (e.g. `t.seq`), its expression and the name
     * it has in a row (`seq`): pages then start from remembered anchors instead of walking an offset.
     */
    key?: { column: string; field: string } | undefined;
  }): { rows: T[]; page: number; perPage: number; total: number } {
    const { page, perPage, key } = query;
    const total =
      query.total ??
      this.get<{ n: number }>(`SELECT count(*) AS n FROM ${query.from} WHERE ${query.where}`, ...query.args)!.n;
    if (total <= (page - 1) * perPage) return { rows: [], page, perPage, total };
    const list = key ? `${perPage}\u0000${query.from}\u0000${query.where}\u0000${JSON.stringify(query.args)}` : "";
    const anchor = key && page > 1 ? this.#anchors.find(list, page) : undefined;
    const rows =
      anchor === undefined
        ? this.#rows<T>(`${query.where} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`, query, [
            perPage,
            (page - 1) * perPage,
          ])
        : this.#rows<T>(`(${query.where}) AND ${key!.column} >= ? ORDER BY ${query.orderBy} LIMIT ?`, query, [
            anchor,
            perPage,
          ]);
    if (key && rows.length > 0) {
      const at = (row: T) => (row as Record<string, unknown>)[key.field] as number;
      this.#anchors.remember(list, page, at(rows[0]!), at(rows[rows.length - 1]!));
    }
    return { rows, page, perPage, total };
  }

  /** Rows of `SELECT columns FROM from WHERE <rest>`, read as arrays and named. */
  #rows<T>(rest: string, query: { columns: string; from: string; args: readonly unknown[] }, extra: unknown[]): T[] {
    const sql = `SELECT ${query.columns} FROM ${query.from} WHERE ${rest}`;
    let statement = this.#pages.get(sql);
    if (!statement) {
      const prepared = this.sqlite.prepare(keepingPlan(sql));
      prepared.setReturnArrays(true);
      statement = { statement: prepared, named: rowBuilder(prepared.columns().map((c) => c.name)) };
      this.#pages.set(sql, statement);
    }
    const arrays = statement.statement.all(...(query.args as never[]), ...(extra as never[])) as unknown as unknown[][];
    return arrays.map(statement.named) as T[];
  }

  /** Runs `work` in a transaction (nested calls join the outer one); a throw rolls everything back. */
  tx<T>(work: () => T): T {
    if (this.#depth > 0) {
      this.#depth++;
      try {
        return work();
      } finally {
        this.#depth--;
      }
    }
    // Prepared once, like every other statement (`exec` would parse them on every transaction).
    this.run("BEGIN IMMEDIATE");
    this.#depth = 1;
    try {
      const result = work();
      this.run("COMMIT");
      return result;
    } catch (error) {
      this.run("ROLLBACK");
      throw error;
    } finally {
      this.#depth = 0;
    }
  }

  /** Deletes every row of the given tables (the schema stays). */
  truncate(tables: readonly string[]): void {
    this.tx(() => {
      this.sqlite.exec("PRAGMA defer_foreign_keys = ON");
      for (const table of tables) this.sqlite.exec(`DELETE FROM ${table}`);
    });
  }

  close(): void {
    this.#statements.clear();
    this.#readers.clear();
    this.#pages.clear();
    if (this.sqlite.isOpen) this.sqlite.close();
  }
}
