import {
  clientFor,
  type LiteServer,
  newUser,
  onlineMachine,
  startServer,
  withoutClaimNext,
} from "@agentlane/testing/claudenest-in-process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClaudeNest } from "./client.ts";
import type { Task } from "./contract/tasks.ts";
import { LISTED_PAGE, MAX_LISTED_TRIES, spreadOrder } from "./task-claims.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

/**
 * A project and a client for its worker that logs the task requests it makes by title, on a server without
 * `claim-next` (the document's), where workers race for tasks. `steal(title)` says
 * whether a rival instance claims a task just before the worker's own claim reaches the server; `onList` runs
 * before a list request is sent.
 */
async function racingSetup(options: { steal: (title: string) => boolean; onList?: (request: Request) => void }) {
  const { nest, token } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const project = await nest.projects.create({ machine: machine.id, name: "Shared", project_path: "/srv/shared" });
  const titles = new Map<string, string>();
  const create = async (title: string, priority: Task["priority"], dependencies: string[] = []) => {
    const task = await nest.tasks.create({ project: project.id, title, priority, dependencies });
    titles.set(task.id, title);
    return task;
  };
  const log: string[] = [];
  const worker: ClaudeNest = clientFor(server, token, {
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const documented = withoutClaimNext(request);
      if (documented) return documented;
      const url = new URL(request.url);
      const action = /\/tasks\/([^/]+)\/(claim|complete)$/.exec(url.pathname);
      if (action) {
        const title = titles.get(action[1]!)!;
        log.push(`${action[2]} ${title}`);
        if (action[2] === "claim" && options.steal(title)) {
          await nest.tasks.claim({ id: action[1]!, instance_id: "rival" });
        }
      } else if (url.pathname.endsWith("/next-available")) log.push("next-available");
      else if (url.pathname.endsWith("/tasks")) {
        log.push(`list ${url.searchParams.get("status")} ${url.searchParams.get("priority")}`);
        options.onList?.(request);
        request.signal.throwIfAborted();
      }
      return server.fetch(request);
    },
  });
  return { nest, worker, project, create, log };
}

describe("spreadOrder", () => {
  const template: Task = {
    id: "",
    project_id: "project",
    title: "Task",
    description: null,
    priority: "medium",
    status: "pending",
    assigned_to: null,
    is_claimed: false,
    is_completed: false,
    is_blocked: false,
    blocked_by: null,
    files: [],
    dependencies: [],
    estimated_tokens: null,
    claimed_at: null,
    completed_at: null,
    completion_summary: null,
    files_modified: null,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
  };
  const tasks = Array.from({ length: 50 }, (_, i) => ({ ...template, id: `task-${i}` }));
  const ids = (list: readonly Task[]) => list.map((t) => t.id);

  it("is a stable order of the tasks, the instance's own, and another at each listing", () => {
    const order = ids(spreadOrder(tasks, "instance-1", 0));
    expect([...order].sort()).toEqual(ids(tasks).sort());
    expect(ids(spreadOrder(tasks, "instance-1", 0))).toEqual(order);
    expect(ids(spreadOrder(tasks, "instance-2", 0))).not.toEqual(order);
    expect(ids(spreadOrder(tasks, "instance-1", 1))).not.toEqual(order);
    expect(order).not.toEqual(ids(tasks));
  });

  it("sends 32 instances to many different first tasks", () => {
    const firsts = new Set(Array.from({ length: 32 }, (_, i) => spreadOrder(tasks, `instance-${i}`, 0)[0]!.id));
    // 32 uniform picks among 50 land on about 24 different tasks; all on one would be the herd.
    expect(firsts.size).toBeGreaterThanOrEqual(16);
  });
});

describe("tasks.work after a lost race", () => {
  it("lists the priority once, tries a bounded number of its tasks, then asks next-available again", async () => {
    let stolen = 0;
    const { worker, project, create, log } = await racingSetup({ steal: () => stolen++ < 1 + MAX_LISTED_TRIES });
    for (let i = 0; i < 12; i++) await create(`H${i}`, "high");
    await create("Low", "low");
    const stop = new AbortController();
    const result = await worker.tasks.work(project.id, "worker", async (task) => ({ summary: task.title }), {
      signal: stop.signal,
      lockFiles: false,
      onEvent: (event) => event.type === "completed" && stop.abort(),
    });
    expect(result).toEqual({ claimed: 1, completed: 1, released: 0, conflicts: 1 + MAX_LISTED_TRIES, lost: 0 });
    expect(log.slice(0, 3)).toEqual(["next-available", "claim H0", "list pending high"]);
    const tried = log.slice(3, 3 + MAX_LISTED_TRIES);
    expect(tried.every((entry) => /^claim H([1-9]|1[01])$/.test(entry))).toBe(true);
    expect(new Set(tried).size).toBe(MAX_LISTED_TRIES);
    // Every listed try lost: next-available again, then (still contended) the spread list straight away.
    const rest = log.slice(3 + MAX_LISTED_TRIES);
    expect(rest.slice(0, 2)).toEqual(["next-available", "list pending high"]);
    expect(rest).toHaveLength(4);
    const won = rest[2]!.replace("claim ", "");
    expect(rest[3]).toBe(`complete ${won}`);
    expect(won).toMatch(/^H/);
    expect([...tried, "claim H0"]).not.toContain(`claim ${won}`);
  });

  it("never goes below a priority whose listed page is full, and falls back to the task next-available names", async () => {
    let stolen = 0;
    const { nest, worker, project, create, log } = await racingSetup({ steal: () => stolen++ < 1 });
    const blocker = await create("Blocker", "low");
    for (let i = 0; i < LISTED_PAGE; i++) await create(`Blocked ${i}`, "high", [blocker.id]);
    await create("First", "high");
    await create("Second", "high");
    const stop = new AbortController();
    const result = await worker.tasks.work(project.id, "worker", async (task) => ({ summary: task.title }), {
      signal: stop.signal,
      lockFiles: false,
      onEvent: (event) => event.type === "completed" && stop.abort(),
    });
    // The listed page is all blocked tasks: the claimable ones are further on, so nothing is tried from it,
    // and the low priority blocker is not listed or claimed although it is claimable.
    expect(log).toEqual([
      "next-available",
      "claim First",
      "list pending high",
      "next-available",
      "list pending high",
      "claim Second",
      "complete Second",
    ]);
    expect(result).toMatchObject({ claimed: 1, completed: 1, conflicts: 1 });
    expect(await nest.tasks.get({ id: blocker.id })).toMatchObject({ status: "pending", assigned_to: null });
  });

  it("stops while listing, leaving no timer and claiming nothing more", async () => {
    const stop = new AbortController();
    const { nest, worker, project, create, log } = await racingSetup({
      steal: (title) => title === "Contested",
      onList: () => stop.abort(),
    });
    await create("Contested", "high");
    const free = await create("Free", "high");
    const before = timers();
    const result = await worker.tasks.work(project.id, "worker", async () => ({ summary: "never" }), {
      signal: stop.signal,
    });
    expect(result).toEqual({ claimed: 0, completed: 0, released: 0, conflicts: 1, lost: 0 });
    expect(log).toEqual(["next-available", "claim Contested", "list pending high"]);
    expect(await nest.tasks.get({ id: free.id })).toMatchObject({ status: "pending", assigned_to: null });
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
