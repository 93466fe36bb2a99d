import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startNest } from "../platforms/claudenest/testing/test-nest.ts";
import { createServer } from "../server.ts";
import type { RetentionRule } from "./retention.ts";

describe("retention in a server", () => {
  it("keeps a project's newest activity only, as the server's option says, and the API shows what is kept", async () => {
    const h = await startNest({ retention: { cn_activity: 2 } });
    try {
      const [machine] = await h.nest.machines.list();
      const project = await h.nest.projects.create({ machine: machine!.id, name: "kept", project_path: "/kept" });
      for (const title of ["one", "two", "three"]) await h.nest.tasks.create({ project: project.id, title });
      const rows = h.server.db.all<{ n: number }>(
        "SELECT count(*) AS n FROM cn_activity WHERE project_id = ?",
        project.id,
      );
      expect(rows[0]!.n).toBe(2);
      const activity = await h.nest.projects.activity({ id: project.id });
      expect(activity).toHaveLength(2);
      expect(JSON.stringify(activity)).toContain("three");
      expect(JSON.stringify(activity)).not.toContain('"one"');
    } finally {
      await h.close();
    }
  });

  it("refuses to start with a retention option for a table no mounted platform declares", async () => {
    await expect(createServer({ platform: "claudenest", retention: { cn_activitty: 5 } })).rejects.toThrow(
      /no platform declares the table cn_activitty/,
    );
  });
});

describe("the README's retention table", () => {
  it("lists every platform's rule with its default", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const rules = (
      await Promise.all(
        ["claudenest", "coordinaitor", "actus", "ccjk", "caipe"].map(
          async (id) => (await import(`../platforms/${id}/db/retention.ts`)).retention as RetentionRule[],
        ),
      )
    ).flat();
    // The table's cells, trimmed (the formatter pads them): `table`, kept, per, what.
    const rows = readme
      .split("\n")
      .filter((line) => /^\|\s*`[a-z_]+`\s*\|/.test(line))
      .map((line) => line.split("|").map((cell) => cell.trim()));
    expect(rows).toHaveLength(rules.length);
    for (const rule of rules) {
      const listed = rows.some(([, table, keep]) => table === `\`${rule.table}\`` && keep === String(rule.keep));
      expect(listed, rule.table).toBe(true);
    }
  });
});
