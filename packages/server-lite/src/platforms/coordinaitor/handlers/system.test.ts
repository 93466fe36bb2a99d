import { PermissionDeniedError } from "@agentlane/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { clientFor, coWorld, type World } from "../testing/world.ts";

let w: World;
afterEach(async () => {
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

describe("system", () => {
  it("health needs no credentials and reports real figures", async () => {
    w = await coWorld();
    const task = await w.admin.client.tasks.create({ title: "a" });
    await w.admin.client.tasks.patch({ taskId: task.id, status: "active" });
    w.server.clock.advance(90_000);
    const health = await clientFor(w.server).system.health();
    expect(health).toMatchObject({ status: "healthy", version: "1.0.0", metrics: { activeTasks: 1 } });
    expect(health.uptime).toBeGreaterThanOrEqual(90);
    expect(health.services.database?.status).toBe("healthy");
  });

  it("metrics and status count what is stored; logs are for administrators, filtered by level", async () => {
    w = await coWorld();
    const dev = await w.newUser("developer");
    await dev.client.tasks.create({ title: "a" });
    const metrics = await dev.client.system.metrics();
    expect(metrics.tasks).toMatchObject({ total: 1, byStatus: { pending: 1 }, createdToday: 1 });
    expect(metrics.users.total).toBe(2);
    const status = await dev.client.system.status();
    expect(status.counts).toMatchObject({ users: 2, tasks: 1 });
    await expect(dev.client.system.logs()).rejects.toBeInstanceOf(PermissionDeniedError);
    await clientFor(w.server)
      .auth.login({ email: dev.email, password: "wrong password" })
      .catch(() => undefined);
    const warnings = await w.admin.client.system.logs({ level: "warn" });
    expect(warnings.map((l) => l.message)).toEqual(["Refused sign-in"]);
    const auth = await w.admin.client.system.logs({ service: "auth", limit: 2 });
    expect(auth).toHaveLength(2);
  });
});
