/**
 * @module
 * Auth handlers: register, login, refresh, me, WeChat's authorize URL (the provider and the callback are
 * `routes/wechat.ts`).
 */
import { hashPassword, hashToken, UNMATCHABLE_PASSWORD_HASH, verifyPassword } from "../../../core/ids.ts";
import { signedIn } from "../caller.ts";
import { assertMaySignIn, createUser, findUser, issueTokens, tokenUser, type UserRow, userOf } from "../state/users.ts";
import type { ActusHandlers } from "./types.ts";

export const auth: ActusHandlers<"auth"> = {
  async register({ body }, { services }) {
    const passwordHash = await hashPassword(body.password);
    const user = createUser(services, {
      username: body.username,
      email: body.email,
      nickname: body.nickname,
      passwordHash,
    });
    return { user: userOf(user), tokens: issueTokens(services, user.id) };
  },

  async login({ body }, { services, fail }) {
    const user =
      (body.username !== undefined
        ? services.db.get<UserRow>("SELECT * FROM act_users WHERE username = ?", body.username)
        : undefined) ??
      (body.email !== undefined
        ? services.db.get<UserRow>("SELECT * FROM act_users WHERE email = ?", body.email)
        : undefined);
    const ok = await verifyPassword(body.password, user?.password_hash ?? UNMATCHABLE_PASSWORD_HASH);
    if (!user?.password_hash || !ok) return fail("UNAUTHORIZED", "用户名或密码错误");
    assertMaySignIn(user);
    return { user: userOf(user), tokens: issueTokens(services, user.id) };
  },

  refresh({ body }, { services, fail }) {
    const user = tokenUser(services, body.refresh_token, "refresh");
    if (!user) return fail("UNAUTHORIZED", "刷新令牌无效或已过期");
    assertMaySignIn(user);
    // Rotation: the refresh token works once.
    services.db.run("DELETE FROM act_tokens WHERE token_hash = ?", hashToken(body.refresh_token));
    return issueTokens(services, user.id);
  },

  me({ caller }, { services, fail }) {
    const user = findUser(services, signedIn(caller).userId);
    if (!user) return fail("NOT_FOUND", "用户不存在");
    return userOf(user);
  },

  updateMe({ caller, body }, { services, fail }) {
    const id = signedIn(caller).userId;
    if (body.nickname !== undefined)
      services.db.run("UPDATE act_users SET nickname = ? WHERE id = ?", body.nickname, id);
    if (body.avatar !== undefined) services.db.run("UPDATE act_users SET avatar = ? WHERE id = ?", body.avatar, id);
    const user = findUser(services, id);
    if (!user) return fail("NOT_FOUND", "用户不存在");
    return userOf(user);
  },

  wechatAuthorize({ query }, { baseUrl }) {
    const url = new URL(`${baseUrl}/_wechat/connect/oauth2/authorize`);
    url.searchParams.set("appid", "wx_agentlane_lite");
    url.searchParams.set("redirect_uri", `${baseUrl}/auth/wechat/callback`);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("scope", query.scope ?? "snsapi_userinfo");
    if (query.state) url.searchParams.set("state", query.state);
    return { authorize_url: `${url.href}#wechat_redirect` };
  },
};
