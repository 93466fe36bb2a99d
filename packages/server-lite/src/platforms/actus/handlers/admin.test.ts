import { AuthenticationError, NotFoundError, PermissionDeniedError } from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActusWorld, actusWorld, errorOf, newUser } from "../testing/harness.ts";

let w: ActusWorld;
beforeAll(async () => {
  w = await actusWorld();
});
afterAll(() => w.server.close());

describe("admin users", () => {
  it("lists users with skip and limit, and pages through them all", async () => {
    const page = await w.admin.actus.admin.listUsers({ skip: 1, limit: 1 });
    expect(page.users.map((u) => u.id)).toEqual([w.alice.id]);
    expect(page.total).toBeGreaterThanOrEqual(3);
    const all: string[] = [];
    for await (const user of w.admin.actus.admin.listUsers({ limit: 2 })) all.push(user.id);
    expect(all.slice(0, 3)).toEqual([w.admin.id, w.alice.id, w.bob.id]);
    expect(all).toHaveLength(page.total);
    expect(await errorOf(w.alice.actus.admin.listUsers())).toBeInstanceOf(PermissionDeniedError);
  });

  it("gets a user, 404 for an unknown one", async () => {
    expect((await w.admin.actus.admin.getUser({ user_id: w.bob.id })).username).toBe(w.bob.username);
    expect(await errorOf(w.admin.actus.admin.getUser({ user_id: "nope" }))).toBeInstanceOf(NotFoundError);
  });

  it("refuses changing yourself or another admin", async () => {
    expect(await errorOf(w.admin.actus.admin.setUserStatus({ user_id: w.admin.id, status: "banned" }))).toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(await errorOf(w.admin.actus.admin.deleteUser({ user_id: w.admin.id }))).toBeInstanceOf(
      PermissionDeniedError,
    );
    // A second super_admin, made directly: the API has no way to promote.
    const other = await newUser(w.server, "admin2");
    w.services.db.run("UPDATE act_users SET role = 'super_admin' WHERE id = ?", other.id);
    expect(await errorOf(w.admin.actus.admin.setUserStatus({ user_id: other.id, status: "inactive" }))).toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(await errorOf(w.admin.actus.admin.deleteUser({ user_id: other.id }))).toBeInstanceOf(PermissionDeniedError);
    expect(await errorOf(w.admin.actus.admin.deleteUser({ user_id: "nope" }))).toBeInstanceOf(NotFoundError);
  });

  it("deletes a user with their sessions and files; their token stops working", async () => {
    const gone = await newUser(w.server, "gone");
    const { session_id } = await gone.actus.sessions.create();
    const file = await gone.actus.files.upload({ file: new File(["x"], "x.txt") });
    await w.admin.actus.admin.deleteUser({ user_id: gone.id });
    expect(await errorOf(w.admin.actus.sessions.get({ session_id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.admin.actus.files.get({ file_id: file.id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(gone.actus.auth.me())).toBeInstanceOf(AuthenticationError);
    expect(await errorOf(w.admin.actus.admin.getUser({ user_id: gone.id }))).toBeInstanceOf(NotFoundError);
  });

  it("reactivates a user", async () => {
    const user = await newUser(w.server, "reactivated");
    await w.admin.actus.admin.setUserStatus({ user_id: user.id, status: "inactive" });
    expect((await w.admin.actus.admin.getUser({ user_id: user.id })).status).toBe("inactive");
    await w.admin.actus.admin.setUserStatus({ user_id: user.id, status: "active" });
    const again = await user.actus.auth.signIn({ username: user.username, password: "password123" });
    expect(again.user.status).toBe("active");
  });
});
