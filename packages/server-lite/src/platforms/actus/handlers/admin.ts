/**
 * @module
 * Admin handlers: users, with the document's rules (not yourself, not another admin).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { signedIn } from "../caller.ts";
import { findUser, type UserRow, userOf } from "../state/users.ts";
import type { ActusHandlers } from "./types.ts";

export const admin: ActusHandlers<"admin"> = {
  listUsers({ query }, { services }) {
    const skip = query.skip ?? 0;
    const limit = query.limit ?? 100;
    const total = services.db.get<{ n: number }>("SELECT count(*) AS n FROM act_users")!.n;
    const rows = services.db.all<UserRow>("SELECT * FROM act_users ORDER BY seq LIMIT ? OFFSET ?", limit, skip);
    return { items: rows.map(userOf), page: Math.floor(skip / limit) + 1, perPage: limit, total };
  },

  getUser({ params }, { services, fail }) {
    const user = findUser(services, params.user_id);
    if (!user) return fail("NOT_FOUND", "用户不存在");
    return userOf(user);
  },

  setUserStatus({ caller, params, body }, { services, fail }) {
    const me = signedIn(caller);
    const user = findUser(services, params.user_id);
    if (!user) return fail("NOT_FOUND", "用户不存在");
    if (user.id === me.userId) return fail("FORBIDDEN", "不能修改自己的状态");
    if (user.role === "super_admin") return fail("FORBIDDEN", "不能修改其他管理员的状态");
    services.db.run("UPDATE act_users SET status = ? WHERE id = ?", body.status, user.id);
    return null;
  },

  async deleteUser({ caller, params }, { services, fail }) {
    const me = signedIn(caller);
    const user = findUser(services, params.user_id);
    if (!user) return fail("NOT_FOUND", "用户不存在");
    if (user.id === me.userId) return fail("FORBIDDEN", "不能删除自己");
    if (user.role === "super_admin") return fail("FORBIDDEN", "不能删除其他管理员");
    const owned = services.db.all<{ id: string; user_id: string }>(
      "SELECT * FROM act_sessions WHERE user_id = ?",
      user.id,
    );
    for (const session of owned) await services.agent.cancel(session.id);
    // Sessions, files, tokens and preferences go with the account (foreign keys cascade), sandboxes too.
    services.db.run("DELETE FROM act_users WHERE id = ?", user.id);
    for (const session of owned) rmSync(join(services.sandboxRoot, session.id), { recursive: true, force: true });
    return null;
  },
};
