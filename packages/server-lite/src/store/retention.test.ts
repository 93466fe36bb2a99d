import { describe, expect, it } from "vitest";
import { Database } from "./database.ts";
import { applyRetention, type RetentionRule } from "./retention.ts";

const rules: RetentionRule[] = [
  { table: "feed", partitionBy: "project", keep: 3, description: "a project's feed" },
  { table: "outbox", keep: 2, description: "mail sent" },
];

function store() {
  const db = new Database();
  db.sqlite.exec(`
    CREATE TABLE feed (seq INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, n INTEGER NOT NULL);
    CREATE INDEX feed_project ON feed(project, seq);
    CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER NOT NULL);`);
  return db;
}

const numbers = (db: Database, sql: string, ...args: unknown[]) => db.all<{ n: number }>(sql, ...args).map((r) => r.n);

describe("retention", () => {
  it("keeps the newest rows of each partition, and of a table without partitions, after every insert", () => {
    const db = store();
    applyRetention(db, rules);
    for (let n = 1; n <= 10; n++) {
      db.run("INSERT INTO feed (project, n) VALUES (?, ?)", n % 2 ? "odd" : "even", n);
      db.run("INSERT INTO outbox (n) VALUES (?)", n);
      expect(db.get<{ c: number }>("SELECT count(*) AS c FROM feed WHERE project = 'odd'")!.c).toBeLessThanOrEqual(3);
    }
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'odd' ORDER BY seq")).toEqual([5, 7, 9]);
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'even' ORDER BY seq")).toEqual([6, 8, 10]);
    expect(numbers(db, "SELECT n FROM outbox ORDER BY id")).toEqual([9, 10]);
  });

  it("takes a server's own numbers, and `false` keeps everything", () => {
    const db = store();
    applyRetention(db, rules, { feed: 1, outbox: false });
    for (let n = 1; n <= 5; n++) {
      db.run("INSERT INTO feed (project, n) VALUES ('p', ?)", n);
      db.run("INSERT INTO outbox (n) VALUES (?)", n);
    }
    expect(numbers(db, "SELECT n FROM feed")).toEqual([5]);
    expect(numbers(db, "SELECT n FROM outbox ORDER BY id")).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses an override for a table no platform declares, or a number of rows that is not a positive whole number", () => {
    const db = store();
    expect(() => applyRetention(db, rules, { feeds: 10 })).toThrow(/no platform declares the table feeds/);
    expect(() => applyRetention(db, rules, { feed: 0 })).toThrow(/positive whole number/);
    expect(() => applyRetention(db, rules, { feed: 2.5 })).toThrow(/positive whole number/);
  });

  it("deletes only rows the rule says may go", () => {
    const db = store();
    applyRetention(db, [{ table: "outbox", keep: 2, prunable: "n % 2 = 0", description: "even rows may go" }]);
    for (let n = 1; n <= 6; n++) db.run("INSERT INTO outbox (n) VALUES (?)", n);
    expect(numbers(db, "SELECT n FROM outbox ORDER BY id")).toEqual([1, 3, 5, 6]);
  });

  it("leaves no trace in a file database: the rules live with the connection", () => {
    const db = store();
    applyRetention(db, rules);
    expect(db.all("SELECT name FROM sqlite_master WHERE type = 'trigger'")).toEqual([]);
    expect(
      db.all<{ name: string }>("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'").map((r) => r.name),
    ).toEqual(["retain_feed", "retain_feed_deleted", "retain_feed_moved", "retain_outbox", "retain_outbox_deleted"]);
  });

  it("stays exact when rows are deleted, moved between partitions, or were there before the rule", () => {
    const db = store();
    for (let n = 1; n <= 6; n++) db.run("INSERT INTO feed (project, n) VALUES ('p', ?)", n);
    // A rule that finds six rows where it keeps three trims them at the partition's next insert, all at once.
    applyRetention(db, rules);
    db.run("INSERT INTO feed (project, n) VALUES ('p', 7)");
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'p' ORDER BY seq")).toEqual([5, 6, 7]);
    // A row deleted by other means leaves room for one more.
    db.run("DELETE FROM feed WHERE n = 6");
    db.run("INSERT INTO feed (project, n) VALUES ('p', 8)");
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'p' ORDER BY seq")).toEqual([5, 7, 8]);
    // A row moved to another partition counts there, and no longer here.
    db.run("UPDATE feed SET project = 'q' WHERE n = 5");
    db.run("INSERT INTO feed (project, n) VALUES ('p', 9)");
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'p' ORDER BY seq")).toEqual([7, 8, 9]);
    for (let n = 10; n <= 12; n++) db.run("INSERT INTO feed (project, n) VALUES ('q', ?)", n);
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'q' ORDER BY seq")).toEqual([10, 11, 12]);
    // Re-applying the rule (a server started again on a file) counts afresh.
    applyRetention(db, rules, { feed: 2 });
    db.run("INSERT INTO feed (project, n) VALUES ('p', 13)");
    expect(numbers(db, "SELECT n FROM feed WHERE project = 'p' ORDER BY seq")).toEqual([9, 13]);
  });

  it("deletes within the partition only, when the order column counts within each partition", () => {
    const db = new Database();
    db.sqlite.exec("CREATE TABLE log (session TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (session, seq))");
    applyRetention(db, [{ table: "log", partitionBy: "session", orderBy: "seq", keep: 2, description: "a log" }]);
    for (let seq = 1; seq <= 2; seq++) db.run("INSERT INTO log (session, seq) VALUES ('b', ?)", seq);
    for (let seq = 1; seq <= 3; seq++) db.run("INSERT INTO log (session, seq) VALUES ('a', ?)", seq);
    // Trimming `a` to its newest two leaves `b`'s row of the same number alone.
    expect(numbers(db, "SELECT seq AS n FROM log WHERE session = 'a' ORDER BY seq")).toEqual([2, 3]);
    expect(numbers(db, "SELECT seq AS n FROM log WHERE session = 'b' ORDER BY seq")).toEqual([1, 2]);
  });

  it("keeps rows that belong to no partition, and counts only the others", () => {
    const db = new Database();
    db.sqlite.exec(`CREATE TABLE notes (seq INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT, n INTEGER NOT NULL);
      CREATE INDEX notes_owner ON notes(owner, seq);`);
    applyRetention(db, [{ table: "notes", partitionBy: "owner", keep: 2, description: "notes" }]);
    for (let n = 1; n <= 4; n++) {
      db.run("INSERT INTO notes (owner, n) VALUES (NULL, ?)", n);
      db.run("INSERT INTO notes (owner, n) VALUES ('a', ?)", 10 + n);
    }
    db.run("UPDATE notes SET owner = NULL WHERE n = 14");
    db.run("INSERT INTO notes (owner, n) VALUES ('a', 15)");
    expect(numbers(db, "SELECT n FROM notes WHERE owner IS NULL ORDER BY seq")).toEqual([1, 2, 3, 4, 14]);
    expect(numbers(db, "SELECT n FROM notes WHERE owner = 'a' ORDER BY seq")).toEqual([13, 15]);
  });
});
