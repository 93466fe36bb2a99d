import { describe, expect, it } from "vitest";
import { Database } from "../store/database.ts";
import { Clock } from "./clock.ts";
import { IdempotencyStore, idempotencyIndexMigration, idempotencyMigration } from "./idempotency.ts";

describe("IdempotencyStore", () => {
  it("keeps each caller's newest keys only, without touching other callers", () => {
    const db = new Database(":memory:");
    db.migrate([idempotencyMigration, idempotencyIndexMigration]);
    const clock = new Clock();
    clock.freeze(0);
    const store = new IdempotencyStore(db, clock, 3);
    const answer = { status: 201, body: "{}" };
    store.save("other", "k0", "f", answer);
    for (let i = 1; i <= 5; i++) {
      clock.advance(1);
      store.save("caller", `k${i}`, "f", answer);
    }
    expect(["k1", "k2", "k3", "k4", "k5"].map((k) => store.lookup("caller", k, "f") !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(store.lookup("other", "k0", "f")).toEqual(answer);
    expect(db.get<{ n: number }>("SELECT count(*) AS n FROM _idempotency")!.n).toBe(4);
    db.close();
  });
});
