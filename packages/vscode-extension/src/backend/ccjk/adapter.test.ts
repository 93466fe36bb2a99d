import { AuthenticationError, ConflictError } from "@agentlane/sdk";
import { CCJKCloud } from "@agentlane/sdk/ccjk";
import { Clock, createServer, type LiteServer } from "@agentlane/server-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "../../../test/support/lite.ts";
import { memoryState } from "../../../test/support/memory-state.ts";
import type { Backend, TaskChange, TaskItem } from "../types.ts";
import { ccjkAdapter } from "./index.ts";

const ROLE = "typescript-cli-architect";

describe("the CCJK Cloud adapter against server-lite", () => {
  let server: LiteServer;
  let baseUrl: string;
  let seed: Record<string, string>;
  let backend: Backend;
  const clock = new Clock();
  const state = memoryState();
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init));
  const adapter = ccjkAdapter({ fetch, pollInterval: 10 });

  beforeAll(async () => {
    clock.freeze(Date.parse("2026-03-02T09:00:00Z"));
    server = await createServer({ platform: "ccjk", seed: true, clock });
    baseUrl = `http://lite.test${server.bases.ccjk}`;
    seed = server.seedInfo.ccjk!;
    backend = await adapter.connect(baseUrl, { token: seed.apiKey! }, { state });
  });
  afterAll(async () => {
    backend?.dispose();
    await server?.close();
  });

  it("signs in with an API key or OAuth client credentials, and refuses bad ones with the platform's error", async () => {
    expect(adapter.signInMethods).toEqual(["token", "client-credentials"]);
    await expect(adapter.connect(baseUrl, { token: "ccjk_wrong" })).rejects.toBeInstanceOf(AuthenticationError);
    const oauth = await adapter.connect(baseUrl, { clientId: seed.clientId!, clientSecret: seed.clientSecret! });
    expect((await oauth.tasks!.projects()).map((p) => p.id)).toContain(ROLE);
    oauth.dispose();
    await expect(adapter.connect(baseUrl, { clientId: seed.clientId!, clientSecret: "wrong" })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    expect(backend.status.state).toBe("connected");
    expect(backend.terminals).toBeUndefined();
  });

  it("shows the registry by category and reads a skill's template; offers no toggle, priority or delete", async () => {
    const skills = backend.skills!;
    const groups = await skills.groups();
    expect(groups.find((g) => g.id === "git")).toMatchObject({ label: "Git", kind: "category" });
    const git = await skills.list("git");
    expect(git.map((s) => s.path)).toEqual(expect.arrayContaining(["git-commit", "git-worktree"]));
    expect(git.every((s) => s.groupId === "git" && s.version && s.priority === undefined)).toBe(true);
    const read = await skills.read("git", "git-commit");
    expect(read.content.length).toBeGreaterThan(0);
    expect(read.name).toBe(git.find((s) => s.path === "git-commit")?.name);
    expect([skills.toggle, skills.setPriority, skills.remove, skills.maxPriority]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("loads the whole Skills view with one reading of the registry, not one per category", async () => {
    const paths: string[] = [];
    const counting = ccjkAdapter({
      fetch: (input, init) => {
        const request = new Request(input, init);
        paths.push(new URL(request.url).pathname.replace(server.bases.ccjk!, ""));
        return server.fetch(request);
      },
    });
    const skills = (await counting.connect(baseUrl, { token: seed.apiKey! })).skills!;
    paths.length = 0;
    const groups = await skills.groups();
    const lists = await Promise.all(groups.map((group) => skills.list(group.id)));
    expect(paths.sort()).toEqual(["/skills", "/skills/categories"]);
    expect(lists[groups.findIndex((g) => g.id === "git")]!.map((s) => s.path)).toEqual(
      (await backend.skills!.list("git")).map((s) => s.path),
    );
  });

  it("publishes a file as a private skill of the account, listed for its publisher; a taken id is refused", async () => {
    const skills = backend.skills!;
    const draft = { path: "notes/Release Helper", name: "Release helper", content: "# Release helper\n\nSteps.\n" };
    const saved = await skills.save!("docs", draft);
    expect(saved).toMatchObject({ groupId: "docs", path: "notes-release-helper", version: "1.0.0" });
    expect((await skills.list("docs")).map((s) => s.path)).toContain("notes-release-helper");
    expect((await skills.read("docs", "notes-release-helper")).content).toBe(draft.content);
    await expect(skills.save!("docs", draft)).rejects.toBeInstanceOf(ConflictError);
    // Another account does not see it.
    const anonymous = new CCJKCloud({ baseUrl, fetch });
    await expect(anonymous.skills.get({ id: "notes-release-helper" })).rejects.toMatchObject({ status: 404 });
  });

  it("creates agent tasks per role and follows them as the agents run them, on the server's clock", async () => {
    const tasks = backend.tasks!;
    expect([tasks.claim, tasks.release, tasks.complete, tasks.nextAvailable]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const roles = await tasks.projects();
    expect(roles.find((r) => r.id === ROLE)).toMatchObject({ name: ROLE, location: "1 agent" });

    const changes: TaskChange[] = [];
    const watch = tasks.watch(ROLE, (change) => changes.push(change));
    const latest = (id: string): TaskItem | undefined =>
      changes.flatMap((c) => (c.kind === "resync" ? c.tasks : [c.task])).findLast((t) => t.id === id);
    try {
      await until("the first reading", () => changes.some((c) => c.kind === "resync"));
      const created = await tasks.create(ROLE, {
        title: "Design the sync command",
        description: "Flags and output",
        priority: "critical",
        files: ["src/commands/sync.ts"],
      });
      expect(created).toMatchObject({ status: "pending", priority: "critical", assignee: null, projectId: ROLE });
      const queued = await tasks.create(ROLE, { title: "Write the changelog" });
      await until("both tasks listed", () => latest(created.id) !== undefined && latest(queued.id) !== undefined);

      clock.advance(1_000);
      await until("the task started", () => latest(created.id)?.status === "in_progress");
      expect(latest(created.id)?.assignee).toMatch(/^agent_/);
      expect(latest(queued.id)?.status).toBe("pending");

      const cancelled = await tasks.cancel!(queued.id);
      expect(cancelled.status).toBe("completed");
      expect(cancelled.description).toMatch(/^Cancelled/);
      clock.advance(120_000);
      await until("half way", () => (latest(created.id)?.progress ?? 0) >= 40);
      clock.advance(200_000);
      await until("the task completed", () => latest(created.id)?.status === "completed");
      expect(latest(created.id)).toMatchObject({ progress: 100, files: ["src/commands/sync.ts"] });
      expect(latest(created.id)?.description).toContain("Flags and output");
      const event = changes.findLast((c) => c.kind === "changed" && c.task.id === created.id);
      expect(event).toMatchObject({ event: "completed" });
    } finally {
      watch.dispose();
    }
  });

  it("reads every followed role in one tick: the account's agents are listed once, not once per role", async () => {
    let agentLists = 0;
    const counting = ccjkAdapter({
      pollInterval: 60_000,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.method === "GET" && new URL(request.url).pathname.endsWith("/agents")) agentLists++;
        return server.fetch(request);
      },
    });
    const followed = await counting.connect(baseUrl, { token: seed.apiKey! }, { state });
    const roles = (await followed.tasks!.projects()).map((p) => p.id).slice(0, 3);
    agentLists = 0;
    const resynced = new Set<string>();
    const watches = roles.map((role) =>
      followed.tasks!.watch(role, (change) => change.kind === "resync" && resynced.add(role)),
    );
    try {
      await until("every role's first reading", () => resynced.size === roles.length);
      expect(agentLists).toBe(1);
    } finally {
      for (const watch of watches) watch.dispose();
      followed.dispose();
    }
  });

  it("shows the platform offline while polls fail, then reads every task again", async () => {
    let failing = false;
    const flaky = ccjkAdapter({
      pollInterval: 10,
      fetch: (input, init) => (failing ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init)),
    });
    const connected = await flaky.connect(baseUrl, { token: seed.apiKey! }, { state });
    const changes: TaskChange[] = [];
    const watch = connected.tasks!.watch(ROLE, (change) => changes.push(change));
    const resyncs = () => changes.filter((c) => c.kind === "resync").length;
    try {
      await until("the first reading", () => resyncs() === 1);
      failing = true;
      await until("offline", () => connected.status.state === "offline");
      failing = false;
      await until("a whole list again", () => resyncs() === 2);
      expect(connected.status.state).toBe("connected");
    } finally {
      watch.dispose();
      connected.dispose();
    }
  });

  it("finds tasks the account's agents run that were made elsewhere, and remembers tasks across connections", async () => {
    const elsewhere = new CCJKCloud({ baseUrl, fetch, token: seed.apiKey! });
    const made = await elsewhere.agents.tasks.create({ agentRole: ROLE, task: { name: "From the CLI" } });
    clock.advance(1_000);

    const again = await adapter.connect(baseUrl, { token: seed.apiKey! }, { state });
    const changes: TaskChange[] = [];
    const watch = again.tasks!.watch(ROLE, (change) => changes.push(change));
    try {
      await until("the first reading", () => changes.some((c) => c.kind === "resync"));
      const [resync] = changes as Array<Extract<TaskChange, { kind: "resync" }>>;
      const titles = resync!.tasks.map((t) => t.title);
      expect(titles).toEqual(
        expect.arrayContaining(["Design the sync command", "Write the changelog", "From the CLI"]),
      );
      expect(resync!.tasks.find((t) => t.id === made.taskId)?.status).toBe("in_progress");
    } finally {
      watch.dispose();
      again.dispose();
    }
  });
});
