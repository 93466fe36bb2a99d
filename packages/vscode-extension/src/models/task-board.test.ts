import { describe, expect, it } from "vitest";
import { task } from "../../test/support/fixtures.ts";
import { type StatusNode, TaskBoard, type TaskNode, type TaskTreeNode } from "./task-board.ts";
import { presentTaskNode, TaskLooks } from "./task-presentation.ts";

const project = { id: "p1", name: "Project", path: "/p1", location: "box" };

function board(...tasks: ReturnType<typeof task>[]) {
  const b = new TaskBoard();
  b.setProjects([project]);
  b.applyTasks("p1", { kind: "resync", tasks });
  return b;
}

const labels = (b: TaskBoard, node?: TaskTreeNode) =>
  b.children(node).map((child) => presentTaskNode(b, child, "me").label);
const group = (b: TaskBoard, status: string) =>
  b.children(b.children()[0]).find((node) => node.kind === "status" && node.status === status) as StatusNode;

describe("TaskBoard", () => {
  it("groups a project's tasks by status (in progress first), highest priority first, then oldest", () => {
    const b = board(
      task("a", { priority: "low" }),
      task("b", { priority: "critical" }),
      task("c", { status: "in_progress", assignee: "x" }),
      task("d", { priority: "critical" }),
      task("e", { status: "completed" }),
    );
    expect(labels(b)).toEqual(["Project"]);
    expect(labels(b, b.children()[0])).toEqual(["In progress", "Pending", "Completed"]);
    expect(labels(b, group(b, "pending"))).toEqual(["Task b", "Task d", "Task a"]);
    expect(b.count(group(b, "pending"))).toBe(3);
  });

  it("moves a claimed task between two groups and names only those groups for refresh", () => {
    const b = board(task("a"), task("b"), task("c", { status: "in_progress", assignee: "x" }));
    const pending = group(b, "pending");
    const inProgress = group(b, "in_progress");
    const node = b.children(pending)[0] as TaskNode;
    const changed = b.applyTasks("p1", {
      kind: "changed",
      event: "claimed",
      task: task("a", { status: "in_progress", assignee: "y" }),
    });
    expect(changed).toEqual([pending, inProgress]);
    expect(labels(b, pending)).toEqual(["Task b"]);
    expect(labels(b, inProgress)).toEqual(["Task a", "Task c"]);
    // The same node object, so the view keeps its identity (selection, focus).
    expect(b.children(inProgress)).toContain(node);
    expect(b.parent(node)).toBe(inProgress);
  });

  it("refreshes the project when a group appears or empties, and a single task when only its look changes", () => {
    const b = board(task("a"));
    const projectNode = b.children()[0]!;
    expect(
      b.applyTasks("p1", { kind: "changed", event: "claimed", task: task("a", { status: "in_progress" }) }),
    ).toEqual([projectNode]);
    const node = b.children(group(b, "in_progress"))[0]!;
    expect(
      b.applyTasks("p1", {
        kind: "changed",
        event: "claimed",
        task: task("a", { status: "in_progress", assignee: "z" }),
      }),
    ).toEqual([node]);
  });

  it("adds a task it has not seen, and drops tasks a resync no longer lists", () => {
    const b = board(task("a"), task("b"));
    b.applyTasks("p1", { kind: "changed", event: "released", task: task("n") });
    expect(labels(b, group(b, "pending"))).toEqual(["Task a", "Task b", "Task n"]);
    b.applyTasks("p1", { kind: "resync", tasks: [task("b")] });
    expect(labels(b, group(b, "pending"))).toEqual(["Task b"]);
    expect(b.task("a")).toBeUndefined();
  });

  it("shows the project's file locks and follows lock events", () => {
    const b = board(task("a"));
    const lock = (path: string, lockedBy: string) => ({ path, lockedBy, reason: null, expiresAt: null });
    b.applyLocks("p1", { kind: "resync", locks: [lock("b.ts", "x")] });
    b.applyLocks("p1", { kind: "locked", lock: lock("a.ts", "me") });
    const locksNode = b.children(b.children()[0]).find((node) => node.kind === "locks")!;
    expect(b.children(locksNode).map((node) => presentTaskNode(b, node, "me").description)).toEqual([
      "locked by you",
      "locked by x",
    ]);
    b.applyLocks("p1", { kind: "unlocked", path: "a.ts" });
    b.applyLocks("p1", { kind: "unlocked", path: "b.ts" });
    expect(b.children(b.children()[0]).some((node) => node.kind === "locks")).toBe(false);
  });

  it("keeps the state of projects that remain when the project list is reloaded", () => {
    const b = board(task("a"));
    b.setProjects([project, { id: "p2", name: "Other", path: null }]);
    expect(b.isLoaded("p1")).toBe(true);
    expect(b.isLoaded("p2")).toBe(false);
    expect(labels(b)).toEqual(["Project", "Other"]);
  });
});

describe("a live event on a large board", () => {
  it("keeps both groups in order without a re-sort, and computes only the changed task's look again", () => {
    const tasks = Array.from({ length: 200 }, (_, i) =>
      task(`t${i}`, { priority: (["low", "medium", "high", "critical"] as const)[i % 4]! }),
    );
    const b = board(...tasks, task("busy", { status: "in_progress", assignee: "y" }));
    const looks = new TaskLooks(b, "me");
    const renderAll = (node?: TaskTreeNode): void => {
      for (const child of b.children(node)) {
        looks.present(child);
        renderAll(child);
      }
    };
    renderAll();
    const before = looks.computed;
    const moved = b.applyTasks("p1", {
      kind: "changed",
      event: "claimed",
      task: task("t5", { priority: "medium", status: "in_progress", assignee: "x" }),
    });
    for (const node of moved) for (const child of b.children(node)) looks.present(child);
    expect(moved).toEqual([group(b, "pending"), group(b, "in_progress")]);
    expect(looks.computed - before).toBe(1);
    b.applyTasks("p1", { kind: "changed", event: "released", task: task("t5", { priority: "medium" }) });
    const pending = b.children(group(b, "pending")) as TaskNode[];
    const order = [...pending].sort(
      (x, y) =>
        ["critical", "high", "medium", "low"].indexOf(x.task.priority) -
          ["critical", "high", "medium", "low"].indexOf(y.task.priority) || x.seq - y.seq,
    );
    expect(pending).toEqual(order);
    expect(pending).toHaveLength(200);
  });
});

describe("task presentation", () => {
  const b = board();
  const look = (t: ReturnType<typeof task>) => presentTaskNode(b, { kind: "task", task: t, seq: 0 }, "me");

  it("marks the menus' context: pending, blocked, mine, theirs, completed", () => {
    expect(look(task("a")).contextValue).toBe("task:pending");
    expect(look(task("a", { blocked: true })).contextValue).toBe("task:blocked");
    expect(look(task("a", { status: "in_progress", assignee: "me" })).contextValue).toBe("task:mine");
    expect(look(task("a", { status: "in_progress", assignee: "x" })).contextValue).toBe("task:theirs");
    expect(look(task("a", { status: "completed", assignee: "x" })).contextValue).toBe("task:completed");
  });

  it("shows the priority as an icon, the assignee and the blocked state", () => {
    expect(look(task("a", { priority: "critical" }))).toMatchObject({ icon: "flame", iconColor: "charts.red" });
    expect(look(task("a", { status: "in_progress", assignee: "me" })).description).toBe("@you");
    expect(look(task("a", { status: "in_progress", assignee: "bot-7" })).description).toBe("@bot-7");
    expect(look(task("a", { blocked: true }))).toMatchObject({ description: "blocked", icon: "lock" });
  });
});
