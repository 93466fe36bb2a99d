import { expect, it } from "vitest";
import { main } from "./index.ts";

it("browses in Chinese, checks a plugin package, and sees a watched task's signed webhook", async () => {
  const lines: string[] = [];
  const run = await main((line) => lines.push(line));
  expect(run.skillNames).toEqual(["智能 Git 提交", "代码审查助手", "功能规划师"]);
  expect(run.pluginVerified).toBe(true);
  expect(run.taskStatuses).toEqual(["queued", "in_progress", "completed"]);
  expect(run.webhook).toMatchObject({
    event: "task.completed",
    data: { status: "completed", output: { files: ["src/commands/sync.ts"] } },
  });
  expect(lines.at(-1)).toBe("server stopped");
});
