import type { AgentTask } from "@agentlane/sdk/ccjk";
import { describe, expect, it } from "vitest";
import { toTask } from "./map.ts";

const task = (extra: Partial<AgentTask>): AgentTask => ({
  taskId: "task_1",
  status: "in_progress",
  progress: 50,
  agentId: "agent_ts-architect_001",
  startedAt: null,
  estimatedCompletion: null,
  output: { files: [], messages: ['Started "x" on agent_ts-architect_001'] },
  ...extra,
});

describe("a CCJK agent task in the Tasks view", () => {
  it("says how a task ended when it did not complete, without the agent repeating it", () => {
    const cancelled = toTask(
      task({ status: "cancelled", output: { files: [], messages: ["Started", "Cancelled"] } }),
      "r",
    );
    expect(cancelled).toMatchObject({ status: "completed", description: "Cancelled\n- Started" });
    const failed = toTask(
      task({ status: "failed", error: "deadline passed", output: { files: [], messages: ["deadline passed"] } }),
      "r",
    );
    expect(failed.description).toBe("Failed: deadline passed");
  });

  it("keeps what the editor sent when the answer does not repeat it, and an unknown priority as medium", () => {
    const item = toTask(task({ priority: "urgent" }), "ts-architect", { title: "Design", description: "Flags" });
    expect(item).toMatchObject({
      title: "Design",
      projectId: "ts-architect",
      priority: "medium",
      progress: 50,
      status: "in_progress",
      assignee: "agent_ts-architect_001",
    });
    expect(item.description).toBe('Flags\n- Started "x" on agent_ts-architect_001');
  });
});
