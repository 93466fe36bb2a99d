import {
  clientFor,
  type LiteServer,
  sharedProject,
  startServer,
  withoutClaimNext,
} from "@agentlane/testing/claudenest-in-process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClaudeNest } from "./client.ts";
import type { Task } from "./contract/tasks.ts";
import type { WorkerEvent } from "./worker.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const projectSetup = () => sharedProject(server);

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("tasks.work", () => {
  it("two workers share a project and no task is done twice", async () => {
    const { nest, token, project } = await projectSetup();
    const first = await nest.tasks.create({ project: project.id, title: "Schema", priority: "critical" });
    for (let i = 0; i < 11; i++) {
      await nest.tasks.create({
        project: project.id,
        title: `Task ${i}`,
        priority: i % 2 ? "high" : "low",
        dependencies: i < 3 ? [first.id] : [],
        files: [`src/${i}.ts`],
      });
    }
    const total = 12;
    const done: { task: string; by: string }[] = [];
    const stop = new AbortController();
    const events: WorkerEvent["type"][] = [];
    const run = (client: ClaudeNest, instance: string) =>
      client.tasks.work(
        project.id,
        instance,
        async (task) => {
          done.push({ task: task.id, by: instance });
          await tick();
          return { summary: `${instance} did ${task.title}`, files_modified: task.files };
        },
        {
          signal: stop.signal,
          idleDelay: 2,
          maxIdleDelay: 10,
          onEvent: (event) => {
            events.push(event.type);
            if (event.type === "completed" && events.filter((e) => e === "completed").length === total) stop.abort();
          },
        },
      );
    const [a, b] = await Promise.all([run(nest, "worker-a"), run(clientFor(server, token), "worker-b")]);

    expect(new Set(done.map((d) => d.task)).size).toBe(total);
    expect(done).toHaveLength(total);
    expect(a.completed + b.completed).toBe(total);
    expect(a.completed).toBeGreaterThan(0);
    expect(b.completed).toBeGreaterThan(0);
    expect(a.claimed + b.claimed).toBe(total);
    expect(a.released + b.released + a.lost + b.lost).toBe(0);
    // The schema task blocks three others: it is done first, by whichever worker took it.
    expect(done[0]!.task).toBe(first.id);
    const tasks = await nest.tasks.list({ project: project.id });
    expect(tasks.every((t) => t.status === "completed")).toBe(true);
    const byTask = new Map(done.map((d) => [d.task, d.by]));
    expect(
      tasks.every((t) => t.assigned_to === byTask.get(t.id) && t.completion_summary?.startsWith(t.assigned_to!)),
    ).toBe(true);
    const instances = await nest.projects.instances({ id: project.id });
    expect(instances.reduce((sum, i) => sum + i.tasks_completed, 0)).toBe(total);
  });

  it("alone, claims in the documented order: highest priority first, oldest first among equals", async () => {
    const { nest, project } = await projectSetup();
    const priorities = ["low", "high", "medium", "critical", "high", "low", "critical", "medium"] as const;
    for (const [i, priority] of priorities.entries()) {
      await nest.tasks.create({ project: project.id, title: `${priority} ${i}`, priority });
    }
    const order: string[] = [];
    const stop = new AbortController();
    const result = await nest.tasks.work(
      project.id,
      "worker",
      async (task) => {
        order.push(task.title);
        return { summary: "done" };
      },
      {
        signal: stop.signal,
        lockFiles: false,
        onEvent: (event) => event.type === "idle" && stop.abort(),
      },
    );
    expect(order).toEqual(["critical 3", "critical 6", "high 1", "high 4", "medium 2", "medium 7", "low 0", "low 5"]);
    expect(result).toMatchObject({ claimed: 8, completed: 8, conflicts: 0 });
  });

  it("32 workers started together share 200 tasks: each done once, priorities in order, few lost races", async () => {
    const { nest, project } = await projectSetup();
    const total = 200;
    const priorities = ["medium", "critical", "low", "high", "medium"] as const;
    for (let i = 0; i < total; i++) {
      await nest.tasks.create({ project: project.id, title: `Task ${i}`, priority: priorities[i % priorities.length] });
    }
    const claimed: Task["priority"][] = [];
    server.events.subscribe(`private-project.${project.id}`, (event, data) => {
      if (event === "task:claimed") claimed.push((data as { task: Task }).task.priority);
    });
    const done: string[] = [];
    let completed = 0;
    const stop = new AbortController();
    const results = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        nest.tasks.work(
          project.id,
          `instance-${i}`,
          async (task) => {
            done.push(task.id);
            return { summary: "done" };
          },
          {
            signal: stop.signal,
            idleDelay: 1,
            maxIdleDelay: 5,
            onEvent: (event) => {
              if (event.type === "completed" && ++completed === total) stop.abort();
            },
          },
        ),
      ),
    );
    const sum = (key: keyof (typeof results)[number]) => results.reduce((n, r) => n + r[key], 0);
    expect(done).toHaveLength(total);
    expect(new Set(done).size).toBe(total);
    expect([sum("claimed"), sum("completed"), sum("released"), sum("lost")]).toEqual([total, total, 0, 0]);
    // Had every worker claimed only what next-available names, most of them would lose every round: about a
    // dozen lost claims per task here.
    expect(sum("conflicts")).toBeLessThan(3 * total);
    expect(results.filter((r) => r.completed > 0).length).toBeGreaterThan(16);
    // Claims are spread within a priority, never across: all critical tasks first, then high, medium, low.
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    expect(claimed).toHaveLength(total);
    expect(claimed).toEqual([...claimed].sort((a, b) => rank[a] - rank[b]));
    const tasks: Task[] = [];
    for await (const task of nest.tasks.list({ project: project.id, per_page: 100 })) tasks.push(task);
    expect(tasks).toHaveLength(total);
    expect(tasks.every((t) => t.status === "completed")).toBe(true);
  });

  it("after losing a claim race (TSK_002) on a server without claim-next, takes another task", async () => {
    const { nest, token, project } = await projectSetup();
    const contested = await nest.tasks.create({ project: project.id, title: "Contested", priority: "high" });
    const other = await nest.tasks.create({ project: project.id, title: "Other" });
    let raced = false;
    // Another instance claims the task between the worker's next-available and its claim.
    const racing = clientFor(server, token, {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const documented = withoutClaimNext(request);
        if (documented) return documented;
        if (!raced && request.method === "POST" && request.url.endsWith(`/tasks/${contested.id}/claim`)) {
          raced = true;
          await nest.tasks.claim({ id: contested.id, instance_id: "rival" });
        }
        return server.fetch(request);
      },
    });
    const stop = new AbortController();
    const events: WorkerEvent[] = [];
    const result = await racing.tasks.work(project.id, "worker", async (task) => ({ summary: task.title }), {
      signal: stop.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === "completed") stop.abort();
      },
    });
    expect(result).toEqual({ claimed: 1, completed: 1, released: 0, conflicts: 1, lost: 0 });
    expect(events.map((e) => [e.type, "task" in e ? e.task.title : undefined])).toEqual([
      ["conflict", "Contested"],
      ["claimed", "Other"],
      ["completed", "Other"],
    ]);
    expect((await nest.tasks.get({ id: contested.id })).assigned_to).toBe("rival");
    expect((await nest.tasks.get({ id: other.id })).status).toBe("completed");
  });

  it("releases a task with the handler's error, waits, and completes it on a later try", async () => {
    const { nest, project } = await projectSetup();
    const task = await nest.tasks.create({ project: project.id, title: "Flaky" });
    const seen: string[] = [];
    server.events.subscribe(`private-project.${project.id}`, (event, data) =>
      seen.push(`${event}:${(data as { reason?: string }).reason ?? ""}`),
    );
    let attempts = 0;
    const stop = new AbortController();
    const events: WorkerEvent[] = [];
    const result = await nest.tasks.work(
      project.id,
      "worker",
      async () => {
        attempts++;
        if (attempts === 1) throw new Error("tests failed");
        return { summary: "fixed", files_modified: ["a.ts"] };
      },
      {
        signal: stop.signal,
        idleDelay: 1,
        onEvent: (event) => {
          events.push(event);
          if (event.type === "completed") stop.abort();
        },
      },
    );
    expect(result).toEqual({ claimed: 2, completed: 1, released: 1, conflicts: 0, lost: 0 });
    expect(events.map((e) => e.type)).toEqual(["claimed", "released", "idle", "claimed", "completed"]);
    expect(events[1]).toMatchObject({ type: "released", reason: "tests failed" });
    expect(seen).toEqual(["task:claimed:", "task:released:tests failed", "task:claimed:", "task:completed:"]);
    expect(await nest.tasks.get({ id: task.id })).toMatchObject({
      status: "completed",
      completion_summary: "fixed",
      files_modified: ["a.ts"],
    });
  });

  it("locks the task's files before the handler and unlocks them before completing", async () => {
    const { nest, project } = await projectSetup();
    await nest.tasks.create({ project: project.id, title: "Locked", files: ["a.ts", "b.ts"] });
    await nest.tasks.create({ project: project.id, title: "Busy files", files: ["c.ts"] });
    const steps: string[] = [];
    const stop = new AbortController();
    const result = await nest.tasks.work(
      project.id,
      "worker",
      async (task) => {
        steps.push(`run ${task.title}`);
        return { summary: "ok" };
      },
      {
        signal: stop.signal,
        idleDelay: 1,
        lockFiles: async (task: Task) => {
          if (task.files.includes("c.ts")) throw new Error("c.ts is locked by another instance");
          steps.push(`lock ${task.files.join(",")}`);
          return async () => {
            steps.push(`unlock ${task.files.join(",")}`);
            throw new Error("lock service down");
          };
        },
        onEvent: (event) => {
          if (event.type !== "idle") steps.push(event.type);
          if (event.type === "released") stop.abort();
        },
      },
    );
    expect(steps).toEqual([
      "claimed",
      "lock a.ts,b.ts",
      "run Locked",
      "unlock a.ts,b.ts",
      "unlock_failed",
      "completed",
      "claimed",
      "released",
    ]);
    expect(result).toMatchObject({ completed: 1, released: 1 });
    const [activity] = await nest.projects.activity({ id: project.id, limit: 1 });
    expect(activity).toMatchObject({
      type: "task_released",
      details: { reason: "c.ts is locked by another instance" },
    });
  });

  it("by default locks the task's files for the instance while the handler runs, all or none", async () => {
    const { nest, project } = await projectSetup();
    await nest.locks.acquire({
      project: project.id,
      path: "src/prices.ts",
      instance_id: "worker-2",
      reason: "Repricing",
    });
    await nest.tasks.create({
      project: project.id,
      title: "Auth",
      priority: "high",
      files: ["src/auth.ts", "src/user.ts"],
    });
    await nest.tasks.create({
      project: project.id,
      title: "Billing",
      priority: "low",
      files: ["src/billing.ts", "src/prices.ts"],
    });
    const seen: string[] = [];
    const stop = new AbortController();
    const result = await nest.tasks.work(
      project.id,
      "worker-1",
      async (task) => {
        const locks = await nest.locks.list({ project: project.id });
        seen.push(
          `${task.title}: ${locks
            .map((l) => `${l.path}@${l.locked_by}`)
            .sort()
            .join(" ")}`,
        );
        return { summary: `did ${task.title}` };
      },
      {
        signal: stop.signal,
        idleDelay: 1,
        onEvent: (event) => {
          if (event.type === "released") stop.abort();
        },
      },
    );
    expect(seen).toEqual(["Auth: src/auth.ts@worker-1 src/prices.ts@worker-2 src/user.ts@worker-1"]);
    expect(result).toMatchObject({ claimed: 2, completed: 1, released: 1 });
    // Billing was released naming the holder, and its free file was not left locked.
    const [activity] = await nest.projects.activity({ id: project.id, limit: 1 });
    expect(activity).toMatchObject({
      type: "task_released",
      details: { reason: "Files locked by other instances: src/prices.ts (worker-2)" },
    });
    expect((await nest.locks.list({ project: project.id })).map((l) => `${l.path}@${l.locked_by}`)).toEqual([
      "src/prices.ts@worker-2",
    ]);
  });

  it("counts a claim that expired under a slow handler as lost, and goes on", async () => {
    const { nest, project } = await projectSetup();
    await nest.tasks.create({ project: project.id, title: "Slow" });
    const stop = new AbortController();
    const events: WorkerEvent[] = [];
    const result = await nest.tasks.work(
      project.id,
      "worker",
      async () => {
        server.clock.advance(61 * 60_000);
        return { summary: "too late" };
      },
      {
        signal: stop.signal,
        onEvent: (event) => {
          events.push(event);
          if (event.type === "lost") stop.abort();
        },
      },
    );
    expect(result).toMatchObject({ claimed: 1, completed: 0, lost: 1 });
    expect(events.at(-1)).toMatchObject({ type: "lost", error: { code: "TSK_003" } });
  });

  it("stops on abort while idle, leaving no timer", async () => {
    const { nest, project } = await projectSetup();
    const before = timers();
    const stop = new AbortController();
    let idle!: () => void;
    const waiting = new Promise<void>((resolve) => {
      idle = resolve;
    });
    const running = nest.tasks.work(project.id, "worker", async () => ({ summary: "never" }), {
      signal: stop.signal,
      idleDelay: 60_000,
      onEvent: (event) => event.type === "idle" && idle(),
    });
    await waiting;
    expect(timers()).toBe(before + 1);
    stop.abort();
    expect(await running).toEqual({ claimed: 0, completed: 0, released: 0, conflicts: 0, lost: 0 });
    expect(timers()).toBe(before);
    // Already aborted: returns at once without asking the server.
    let requests = 0;
    const counting = clientFor(server, undefined, {
      fetch: (input, init) => {
        requests++;
        return server.fetch(new Request(input, init));
      },
    });
    await counting.tasks.work(project.id, "worker", async () => ({ summary: "never" }), { signal: stop.signal });
    expect(requests).toBe(0);
  });

  it("on abort mid-task, completes a task the handler finishes and releases one it abandons", async () => {
    const { nest, project } = await projectSetup();
    const finished = await nest.tasks.create({ project: project.id, title: "Finishes", priority: "high" });
    const stopFinishing = new AbortController();
    const first = await nest.tasks.work(
      project.id,
      "worker",
      async () => {
        stopFinishing.abort();
        return { summary: "finished anyway" };
      },
      { signal: stopFinishing.signal },
    );
    expect(first).toMatchObject({ claimed: 1, completed: 1, released: 0 });
    expect((await nest.tasks.get({ id: finished.id })).status).toBe("completed");

    const abandoned = await nest.tasks.create({ project: project.id, title: "Abandoned" });
    const stop = new AbortController();
    const second = await nest.tasks.work(
      project.id,
      "worker",
      (_task, { signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener("abort", () => reject(new Error("Worker stopped")), { once: true });
          stop.abort();
        }),
      { signal: stop.signal },
    );
    expect(second).toMatchObject({ claimed: 1, completed: 0, released: 1 });
    expect(await nest.tasks.get({ id: abandoned.id })).toMatchObject({ status: "pending", assigned_to: null });
    const [activity] = await nest.projects.activity({ id: project.id, limit: 1 });
    expect(activity).toMatchObject({ type: "task_released", details: { reason: "Worker stopped" } });
  });

  it("throws what it cannot handle, such as an unknown project", async () => {
    const { nest } = await projectSetup();
    await expect(nest.tasks.work("missing", "worker", async () => ({ summary: "x" }))).rejects.toMatchObject({
      code: "PRJ_001",
    });
  });
});
