import { afterEach, describe, expect, it } from "vitest";
import { Database } from "./database.ts";

let db: Database;
afterEach(() => db.close());

function withItems(count: number): Database {
  db = new Database();
  db.migrate([
    { id: "test-001", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL)" },
  ]);
  for (let i = 1; i <= count; i++)
    db.run("INSERT INTO items (name, kind) VALUES (?, ?)", `item-${i}`, i % 2 ? "odd" : "even");
  return db;
}

describe("Database.page", () => {
  const query = { columns: "id, name", from: "items", where: "kind = ?", args: ["odd"], orderBy: "id" };

  it("answers one page of named rows and the size of the whole result", () => {
    withItems(25);
    const second = db.page<{ id: number; name: string }>({ ...query, page: 2, perPage: 5 });
    expect(second).toEqual({
      rows: [11, 13, 15, 17, 19].map((id) => ({ id, name: `item-${id}` })),
      page: 2,
      perPage: 5,
      total: 13,
    });
    expect(db.page({ ...query, page: 3, perPage: 5 }).rows).toHaveLength(3);
  });

  it("names columns as the query does, a repeated name keeping the later column's value", () => {
    withItems(3);
    const page = db.page({
      columns: "id, name, kind AS name, 'it''s \"quoted\"' AS \"odd key\"",
      from: "items",
      where: "id = ?",
      args: [2],
      orderBy: "id",
      page: 1,
      perPage: 5,
    });
    expect(page.rows).toEqual([{ id: 2, name: "even", "odd key": 'it\'s "quoted"' }]);
  });

  it("still counts the whole result for a page past its end", () => {
    withItems(25);
    expect(db.page({ ...query, page: 9, perPage: 5 })).toEqual({ rows: [], page: 9, perPage: 5, total: 13 });
    expect(db.page({ ...query, args: ["none"], page: 1, perPage: 5 })).toMatchObject({ rows: [], total: 0 });
  });

  it("plans a statement with LIMIT and OFFSET parameters once, whatever they are bound to", () => {
    withItems(25);
    const read = (page: number) => {
      db.page({ ...query, page, perPage: 5 });
      db.all("SELECT id FROM items ORDER BY id LIMIT ? OFFSET ?", 3, page);
    };
    read(1);
    // SQLite asks the authorizer about every statement it prepares, again when it prepares one anew; setting
    // one expires every statement once.
    let prepared = 0;
    db.sqlite.setAuthorizer(() => {
      prepared++;
      return 0;
    });
    read(2);
    const afterExpiry = prepared;
    for (let page = 1; page <= 3; page++) read(page);
    expect(afterExpiry).toBeGreaterThan(0);
    expect(prepared).toBe(afterExpiry);
    expect(db.all("SELECT id FROM items ORDER BY id LIMIT ? OFFSET ?", 2, 4)).toEqual([{ id: 5 }, { id: 6 }]);
  });

  it("plans a statement with a LIKE or GLOB pattern parameter once, whatever pattern is bound", () => {
    withItems(12);
    const read = (pattern: string) => [
      db.all("SELECT id FROM items WHERE name LIKE ? ESCAPE '\\' ORDER BY id", `%${pattern}%`),
      db.all("SELECT id FROM items WHERE name GLOB ?1 OR kind GLOB ?1 ORDER BY id", `*${pattern}`),
    ];
    read("1");
    let prepared = 0;
    db.sqlite.setAuthorizer(() => {
      prepared++;
      return 0;
    });
    read("2");
    const afterExpiry = prepared;
    expect(read("1_")).toEqual([[{ id: 10 }, { id: 11 }, { id: 12 }], []]);
    expect(read("1")).toEqual([
      [{ id: 1 }, { id: 10 }, { id: 11 }, { id: 12 }],
      [{ id: 1 }, { id: 11 }],
    ]);
    expect(read("odd")).toEqual([[], [1, 3, 5, 7, 9, 11].map((id) => ({ id }))]);
    expect(afterExpiry).toBeGreaterThan(0);
    expect(prepared).toBe(afterExpiry);
  });
});

describe("Database reads", () => {
  it("name each row's columns, also after a migration changed the table, and a column called __proto__", () => {
    withItems(1);
    expect(db.get("SELECT * FROM items")).toEqual({ id: 1, name: "item-1", kind: "odd" });
    db.migrate([{ id: "test-002", sql: "ALTER TABLE items ADD COLUMN size INTEGER NOT NULL DEFAULT 7" }]);
    expect(db.all("SELECT * FROM items")).toEqual([{ id: 1, name: "item-1", kind: "odd", size: 7 }]);
    expect(db.get("SELECT * FROM items")).toEqual({ id: 1, name: "item-1", kind: "odd", size: 7 });
    const odd = db.get<Record<string, unknown>>('SELECT name AS "__proto__" FROM items')!;
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(odd, "__proto__")?.value).toBe("item-1");
  });
});

describe("Database.tx", () => {
  it("rolls every write of a failed transaction back", () => {
    withItems(1);
    expect(() =>
      db.tx(() => {
        db.run("INSERT INTO items (name, kind) VALUES ('kept?', 'odd')");
        db.tx(() => db.run("INSERT INTO items (name, kind) VALUES ('nested', 'odd')"));
        throw new Error("fail midway");
      }),
    ).toThrow("fail midway");
    expect(db.all("SELECT name FROM items")).toEqual([{ name: "item-1" }]);
  });
});

describe("Database.page with a key", () => {
  const query = {
    columns: "id, name",
    from: "items",
    where: "kind = ? OR name = ?",
    args: ["odd", "item-2"],
    orderBy: "id",
    key: { column: "id", field: "id" },
  };
  const ids = (page: number) => db.page<{ id: number }>({ ...query, page, perPage: 4 }).rows.map((r) => r.id);
  const offsetIds = (page: number) =>
    db.page<{ id: number }>({ ...query, key: undefined, page, perPage: 4 }).rows.map((r) => r.id);

  it("answers the same pages as the offset, walked in order, repeated or out of order", () => {
    withItems(40);
    const expected = [1, 2, 3, 4, 5, 6].map(offsetIds);
    expect([1, 2, 3, 4, 5, 6].map(ids)).toEqual(expected);
    expect([3, 3, 6, 2, 5, 1, 4].map(ids)).toEqual([3, 3, 6, 2, 5, 1, 4].map((p) => expected[p - 1]));
  });

  it("forgets where pages start after a write, so no page is read from a stale position", () => {
    withItems(40);
    expect(ids(2)).toEqual([7, 9, 11, 13]);
    expect(ids(3)).toEqual([15, 17, 19, 21]);
    db.run("DELETE FROM items WHERE id IN (1, 3)");
    expect(ids(2)).toEqual([11, 13, 15, 17]);
    expect(ids(2)).toEqual(offsetIds(2));
    db.run("INSERT INTO items (id, name, kind) VALUES (0, 'item-0', 'odd')");
    expect(ids(3)).toEqual(offsetIds(3));
  });
});
