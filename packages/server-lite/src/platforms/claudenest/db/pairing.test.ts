import { describe, expect, it } from "vitest";
import { Database } from "../../../store/database.ts";
import { pairingSealMigration } from "./pairing.ts";
import { migrations } from "./schema.ts";

describe("pairingSealMigration", () => {
  it("drops the plaintext machine tokens a stored database kept", () => {
    const db = new Database();
    try {
      db.migrate(migrations.filter((m) => m !== pairingSealMigration));
      db.run(
        "INSERT INTO cn_pairings (code, token_hash, agent_info, expires_at, machine_token) VALUES ('ABC-123', 'h', '{}', 1, 'mn_plain')",
      );
      db.migrate(migrations);
      expect(db.all("SELECT * FROM cn_pairings")).toEqual([]);
      const columns = db.all<{ name: string }>("PRAGMA table_info(cn_pairings)").map((c) => c.name);
      expect(columns).not.toContain("machine_token");
      expect(columns).toEqual(expect.arrayContaining(["machine_token_hash", "machine_token_sealed"]));
    } finally {
      db.close();
    }
  });
});
