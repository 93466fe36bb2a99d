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

  it("still counts the whole result for a page past its end", () => {
    withItems(25);
    expect(db.page({ ...query, page: 9, perPage: 5 })).toEqual({ rows: [], page: 9, perPage: 5, total: 13 });
    expect(db.page({ ...query, args: ["none"], page: 1, perPage: 5 })).toMatchObject({ rows: [], total: 0 });
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
