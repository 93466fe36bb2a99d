/**
 * The requests a test suite repeats most (lists with their filters, creating, claiming and completing tasks) run
 * on statements prepared once. A statement SQLite must plan anew on every call (a bound `LIMIT`, a parameter
 * compared against a partial index's condition, a transaction begun with `exec`) doubled the cost of a page.
 * SQLite asks the authorizer about every statement it prepares, so a repeated round must ask nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NestHarness, startNest } from "../testing/test-nest.ts";

let h: NestHarness;
beforeAll(async () => {
  h = await startNest();
});
afterAll(() => h.close());

async function ok(method: string, path: string, body?: unknown): Promise<any> {
  const response = await h.request(method, path, { token: h.token, ...(body === undefined ? {} : { body }) });
  const answer = (await response.json()) as { data: unknown };
  expect(response.status, `${method} ${path}: ${JSON.stringify(answer)}`).toBeLessThan(300);
  return answer.data;
}

describe("statements prepared once", () => {
  it("serves a repeated round of common requests without preparing any statement again", async () => {
    const machine = h.server.seedInfo.claudenest!.machineId!;
    const project = (await ok("POST", `/machines/${machine}/projects`, { name: "Reuse", project_path: "/srv/reuse" }))
      .id as string;
    const round = async (n: number) => {
      await ok("GET", "/machines");
      await ok("GET", "/machines?page=1&per_page=5");
      await ok("GET", "/auth/me");
      const task = await ok("POST", `/projects/${project}/tasks`, { title: `Task ${n}`, priority: "high" });
      await ok("GET", `/projects/${project}/tasks`);
      await ok("GET", `/projects/${project}/tasks?status=pending&page=1&per_page=10`);
      await ok("GET", `/projects/${project}/tasks?status=in_progress`);
      await ok("POST", `/tasks/${task.id}/claim`, { instance_id: "worker-1" });
      await ok("POST", `/tasks/${task.id}/complete`, { instance_id: "worker-1", summary: "done" });
      await ok("GET", `/projects/${project}/activity`);
    };
    await round(1);
    await round(2);
    let prepared = 0;
    h.server.db.sqlite.setAuthorizer(() => {
      prepared++;
      return 0;
    });
    // Setting an authorizer expires every statement once: the first round prepares them again.
    await round(3);
    expect(prepared).toBeGreaterThan(0);
    prepared = 0;
    await round(4);
    await round(5);
    expect(prepared).toBe(0);
  });
});
