import { expect, it } from "vitest";
import { main } from "./index.ts";

it("the receiver verifies and prints every event the script causes, and refuses a forged one", async () => {
  const lines: string[] = [];
  const { events, refused } = await main((line) => lines.push(line));
  expect(events.map((e) => e.event).sort()).toEqual(
    [
      "agent.created",
      "agent.status_changed",
      "agent.status_changed",
      "task.assigned",
      "task.completed",
      "task.created",
    ].sort(),
  );
  const completed = events.find((e) => e.event === "task.completed");
  expect(completed?.data).toMatchObject({
    title: "Implement user authentication",
    progress: 1,
    agent: { name: "Senior Developer Bot" },
  });
  expect(refused).toBe(1);
  expect(lines).toContain("a forged delivery was answered 401");
  expect(lines.at(-1)).toBe("server stopped");
});
