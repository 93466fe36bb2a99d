import { AuthenticationError } from "@agentlane/sdk";
import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { createServer, type LiteServer } from "@agentlane/server-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "../../../test/support/lite.ts";
import type { Backend, TaskChange, TokenCredentials } from "../types.ts";
import { coordinAItorAdapter } from "./index.ts";

describe("the CoordinAItor adapter against server-lite", () => {
  let server: LiteServer;
  let baseUrl: string;
  let backend: Backend;
  let admin: CoordinAItor;
  let projectId: string;
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init));
  const adapter = coordinAItorAdapter({ fetch });

  beforeAll(async () => {
    server = await createServer({ platform: "coordinaitor", seed: true });
    baseUrl = await server.listen(0);
    admin = new CoordinAItor({ baseUrl, fetch, retry: 0 });
    await admin.login({ email: "admin@orchestrator.com", password: "admin123" });
    projectId = (await admin.projects.create({ name: "Mobile Application" })).id;
    const { token } = (await adapter.signInWithPassword!(
      baseUrl,
      "admin@orchestrator.com",
      "admin123",
    )) as TokenCredentials;
    expect(token).toMatch(/^ak_/);
    backend = await adapter.connect(baseUrl, { token });
  });
  afterAll(async () => {
    backend?.dispose();
    await server?.close();
  });

  it("refuses a bad token with the platform's error, and offers tasks only", async () => {
    await expect(adapter.connect(baseUrl, { token: "ak_wrong" })).rejects.toBeInstanceOf(AuthenticationError);
    expect(backend.skills).toBeUndefined();
    expect(backend.terminals).toBeUndefined();
    await until("connected", () => backend.status.state === "connected");
  });

  it("lists projects, creates, claims, releases and completes tasks, and follows them live", async () => {
    const tasks = backend.tasks!;
    expect((await tasks.projects()).map((p) => p.name)).toContain("Mobile Application");
    const changes: TaskChange[] = [];
    const watch = tasks.watch(projectId, (change) => changes.push(change));
    try {
      await until("the first read", () => changes.some((c) => c.kind === "resync"));
      const low = await tasks.create(projectId, { title: "Write docs", priority: "low" });
      const urgent = await tasks.create(projectId, { title: "Fix login", priority: "critical" });
      expect(urgent).toMatchObject({ status: "pending", priority: "high", assignee: null });
      expect((await tasks.nextAvailable!(projectId))?.id).toBe(urgent.id);

      const claimed = await tasks.claim!(urgent.id, "vscode-1");
      expect(claimed).toMatchObject({ status: "in_progress", assignee: "vscode-1" });
      await expect(tasks.claim!(urgent.id, "vscode-2")).rejects.toThrow(/already taken by vscode-1/);
      expect((await tasks.release!(urgent.id, "vscode-1", "later")).status).toBe("pending");
      await tasks.claim!(urgent.id, "vscode-1");
      const done = await tasks.complete!(urgent.id, "vscode-1", "Fixed the redirect", ["src/login.ts"]);
      expect(done).toMatchObject({ status: "completed", assignee: "vscode-1" });
      const comments = (await admin.tasks.get({ taskId: urgent.id, include: "comments" })).comments!;
      expect(comments.at(-1)?.content).toBe("Fixed the redirect\n\nFiles changed:\n- src/login.ts");
      expect((await tasks.nextAvailable!(projectId))?.id).toBe(low.id);

      await until("the live completion", () =>
        changes.some((c) => c.kind === "changed" && c.task.id === urgent.id && c.event === "completed"),
      );
      const events = changes.flatMap((c) => (c.kind === "changed" && c.task.id === urgent.id ? [c.event] : []));
      expect(events).toContain("claimed");
      expect(events).toContain("released");
      // Another project's tasks are not this watcher's.
      const other = await admin.projects.create({ name: "Other" });
      const elsewhere = await admin.tasks.create({ title: "elsewhere", projectId: other.id });
      await admin.tasks.patch({ taskId: low.id, progress: 0.5 });
      await until("the later change", () =>
        changes.some((c) => c.kind === "changed" && c.task.id === low.id && c.event === "released"),
      );
      expect(changes.some((c) => c.kind === "changed" && c.task.id === elsewhere.id)).toBe(false);
    } finally {
      watch.dispose();
    }
  });
});
