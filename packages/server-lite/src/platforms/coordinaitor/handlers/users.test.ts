import { ConflictError, PermissionDeniedError } from "@agentlane/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { coWorld, type World } from "../testing/world.ts";

let w: World;
afterEach(async () => {
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

describe("users", () => {
  it("administrators create and list users; others get 403; a taken email is 409", async () => {
    w = await coWorld();
    const dev = await w.newUser("developer", "dev");
    const users = await w.admin.client.users.list({ role: "developer" });
    expect(users.map((u) => u.id)).toEqual([dev.userId]);
    await expect(dev.client.users.list()).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(
      dev.client.users.create({ email: "x@example.test", password: "long enough", name: "X" }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(
      w.admin.client.users.create({ email: dev.email, password: "long enough", name: "Again" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("users/me: profile with stats, preferences merged, avatar uploaded and served", async () => {
    w = await coWorld();
    const dev = await w.newUser("developer", "dev");
    await dev.client.tasks.create({ title: "a" });
    const me = await dev.client.users.me();
    expect(me).toMatchObject({ role: "developer", avatar: null, stats: { tasksCreated: 1, tasksCompleted: 0 } });
    expect(me.lastLoginAt).not.toBeNull();
    const updated = await dev.client.users.updateMe({
      name: "John Doe",
      preferences: { theme: "dark", notifications: { desktop: true } },
    });
    expect(updated.name).toBe("John Doe");
    expect(updated.preferences).toEqual({
      theme: "dark",
      language: "en",
      timezone: "UTC",
      notifications: { email: true, push: true, desktop: true },
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const withAvatar = await dev.client.users.uploadAvatar({
      avatar: new File([png], "me.png", { type: "image/png" }),
    });
    expect(withAvatar.avatar).toBe(`/api/v1/users/${dev.userId}/avatar`);
    const served = await w.server.fetch(new Request(`http://lite.test/coordinaitor${withAvatar.avatar}`));
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    const refused = await dev.client.users
      .uploadAvatar({ avatar: new File(["%PDF"], "x.pdf", { type: "application/pdf" }) })
      .catch((e: unknown) => e as { code?: string });
    expect((refused as { code?: string }).code).toBe("VALIDATION_ERROR");
  });
});
