import { expect, it } from "vitest";
import { main } from "./index.ts";

it("a catalog scan finds the risky skill, and the quarantine policy takes it out of the catalog", async () => {
  const lines: string[] = [];
  const run = await main((line) => lines.push(line));
  expect(run.statuses[0]).toBe("queued");
  expect(run.statuses.at(-1)).toBe("succeeded");
  expect(run.flagged).toHaveLength(1);
  expect(run.flagged[0]).toMatch(/^skill-laptop-setup-/);
  expect(run.inCatalog).toEqual({ before: true, after: false });
  expect(run.stillReadable).toBe(true);
  expect(lines.some((l) => l.includes("remote-script-pipe"))).toBe(true);
  expect(lines.at(-1)).toBe("server stopped");
});
