import { expect, it } from "vitest";
import { main } from "./index.ts";

it("follows a chat turn to done and downloads what the agent wrote", async () => {
  const lines: string[] = [];
  const run = await main((line) => lines.push(line));
  expect(run.events[0]).toBe("message");
  expect(run.events.at(-1)).toBe("done");
  expect(run.events.filter((e) => e === "step")).toHaveLength(4);
  expect(run.shellOutput.trim()).toMatch(/^6\s+upload\/poem\.txt$/);
  expect(run.summary).toEqual({ filename: "summary.md", text: "# 诗 summary\n" });
  expect(lines[0]).toBe("signed in as admin (super_admin)");
  expect(lines.at(-1)).toBe("server stopped");
});
