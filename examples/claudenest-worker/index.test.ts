import { expect, it } from "vitest";
import { main } from "./index.ts";

it("two workers complete the whole plan without doing any task twice", async () => {
  const lines: string[] = [];
  const run = await main((line) => lines.push(line));
  expect(Object.keys(run.completedBy)).toHaveLength(8);
  expect(Object.values(run.runs)).toEqual(Array(8).fill(1));
  expect(new Set(Object.values(run.completedBy))).toEqual(new Set(["claude-1", "claude-2"]));
  const completed = Object.values(run.results).reduce((sum, r) => sum + r.completed, 0);
  expect(completed).toBe(8);
  // The schema blocks the model, which blocks auth: they complete in that order.
  const order = Object.keys(run.completedBy);
  expect(order.indexOf("Design the database schema")).toBeLessThan(order.indexOf("Write the User model"));
  expect(order.indexOf("Write the User model")).toBeLessThan(order.indexOf("Add JWT authentication"));
  expect(lines).toContain("8 of 8 tasks completed; no task was done twice");
  expect(lines.filter((l) => /^claude-\d: completed "/.test(l))).toHaveLength(8);
  expect(lines.at(-1)).toBe("server stopped");
});
