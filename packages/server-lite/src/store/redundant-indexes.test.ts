/**
 * Every platform's schema, migrated: no plain index is a leading part of another. SQLite answers every lookup the
 * shorter one could with the longer one, so the shorter only makes each write to its table keep one more entry.
 * (A unique index constrains, and a partial one covers other rows: neither is plain.)
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer, type LiteServer } from "../server.ts";

let server: LiteServer;
beforeAll(async () => {
  server = await createServer({});
});
afterAll(() => server.close());

interface IndexColumns {
  name: string;
  plain: boolean;
  partial: boolean;
  /** Key columns in order; an expression is never equal to anything. */
  columns: (string | symbol)[];
}

function indexesOf(table: string): IndexColumns[] {
  const { sqlite } = server.db;
  const list = sqlite.prepare(`PRAGMA index_list("${table}")`).all() as {
    name: string;
    unique: number;
    partial: number;
  }[];
  return list.map((index) => ({
    name: index.name,
    plain: !index.unique && !index.partial,
    partial: Boolean(index.partial),
    columns: (sqlite.prepare(`PRAGMA index_xinfo("${index.name}")`).all() as { key: number; name: string | null }[])
      .filter((column) => column.key)
      .map((column) => column.name ?? Symbol("expression")),
  }));
}

it("has no plain index that another index of its table starts with", () => {
  const tables = server.db
    .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .map((t) => t.name);
  expect(tables.length).toBeGreaterThan(50);
  const redundant: string[] = [];
  for (const table of tables) {
    const indexes = indexesOf(table);
    for (const short of indexes.filter((i) => i.plain))
      for (const long of indexes)
        if (long !== short && !long.partial && short.columns.every((column, i) => column === long.columns[i]))
          redundant.push(`${table}: ${short.name} starts ${long.name}`);
  }
  expect(redundant).toEqual([]);
});
