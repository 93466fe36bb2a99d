/**
 * The task counter table against `count(*)`: after creating, claiming, completing and deleting tasks, after a
 * project's deletion cascades, after a snapshot is restored and after a reset, every project's totals per status
 * are what counting the tasks gives, and a list's `total` reads them.
 */

import { ClaudeNest } from "@agentlane/sdk/claudenest";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../../server.ts";

let server: LiteServer;
afterEach(() => server?.close());

function counted(): Record<string, number> {
  const rows = server.db.all<{ project_id: string; status: string; n: number }>(
    "SELECT project_id, status, count(*) AS n FROM cn_tasks GROUP BY project_id, status",
  );
  return Object.fromEntries(rows.map((r) => [`${r.project_id}/${r.status}`, r.n]));
}

function kept(): Record<string, number> {
  const rows = server.db.all<{ project_id: string; status: string; n: number }>(
    "SELECT project_id, status, n FROM cn_task_counts",
  );
  return Object.fromEntries(rows.map((r) => [`${r.project_id}/${r.status}`, r.n]));
}

describe("the task counter table", { timeout: 60_000 }, () => {
  it("agrees with counting the tasks through every kind of change", async () => {
    server = await createServer({ platform: "claudenest", seed: true, lite: true });
    const nest = new ClaudeNest({
      baseUrl: `http://lite.test${server.bases.claudenest}`,
      token: server.seedInfo.claudenest!.token!,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init))) as typeof fetch,
    });
    const [machine] = await nest.machines.list();
    const a = await nest.projects.create({ machine: machine!.id, name: "a", project_path: "/a" });
    const b = await nest.projects.create({ machine: machine!.id, name: "b", project_path: "/b" });
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await nest.tasks.create({ project: a.id, title: `a${i}`, priority: "high" }));
    for (let i = 0; i < 3; i++) await nest.tasks.create({ project: b.id, title: `b${i}` });
    await nest.tasks.claim({ id: made[0]!.id, instance_id: "one" });
    await nest.tasks.claim({ id: made[1]!.id, instance_id: "two" });
    await nest.tasks.complete({ id: made[1]!.id, instance_id: "two", summary: "done" });
    await nest.tasks.remove({ id: made[2]!.id });
    expect(kept()).toEqual(counted());

    const total = async (query: string) => {
      const url = `http://lite.test${server.bases.claudenest}/projects/${a.id}/tasks?${query}`;
      const headers = { authorization: `Bearer ${server.seedInfo.claudenest!.token}` };
      const body = (await (await server.fetch(new Request(url, { headers }))).json()) as {
        meta: { pagination: { total: number } };
      };
      return body.meta.pagination.total;
    };
    expect(await total("per_page=2")).toBe(5);
    expect(await total("status=pending")).toBe(3);
    expect(await total("status=in_progress")).toBe(1);
    expect(await total("status=completed&priority=high")).toBe(1);

    const snapshot = server.snapshot();
    await nest.projects.remove({ id: b.id });
    expect(kept()).toEqual(counted());
    expect(Object.keys(kept()).some((key) => key.startsWith(`${b.id}/`))).toBe(false);

    await server.restore(snapshot);
    expect(kept()).toEqual(counted());
    expect(Object.keys(kept()).some((key) => key.startsWith(`${b.id}/`))).toBe(true);

    await server.reset();
    expect(kept()).toEqual({});
  });
});
