/**
 * @module
 * WeChat OAuth without WeChat: server-lite is its own provider. The authorize page (the `authorize_url` that
 * `GET /auth/wechat/authorize` answers) issues a one-time code for a fake WeChat user (`openid` and `nickname`
 * may be chosen with query parameters) and sends the browser to the callback; the callback exchanges the code,
 * signs the user in (making the account on first sight) and redirects to the frontend with the tokens, or with
 * `error` when the code is unknown, used or expired (5 minutes) or the account may not sign in.
 */
import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { hashToken } from "../../../core/ids.ts";
import type { ActusServices } from "../state/services.ts";
import { createUser, issueTokens, type UserRow } from "../state/users.ts";

export const CODE_TTL_MS = 5 * 60_000;

function frontend(services: ActusServices, params: Record<string, string>): string {
  const url = new URL("/auth/callback", services.frontendUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

export function wechatRoutes(app: Hono, base: string, services: ActusServices): void {
  app.get(`${base}/_wechat/connect/oauth2/authorize`, (c: Context) => {
    const redirect = c.req.query("redirect_uri");
    const self = new URL(c.req.url);
    // Only this server's own callback: the fake provider is no open redirect.
    if (
      !redirect ||
      new URL(redirect, self).origin !== self.origin ||
      !new URL(redirect, self).pathname.endsWith("/auth/wechat/callback")
    )
      return c.text("invalid redirect_uri", 400);
    const openid = (c.req.query("openid") ?? "o_lite_wechat_user").slice(0, 64);
    const nickname = (c.req.query("nickname") ?? "微信用户").slice(0, 100);
    const code = randomBytes(18).toString("base64url");
    services.db.run(
      "INSERT INTO act_oauth_codes (code, openid, nickname, expires_at) VALUES (?, ?, ?, ?)",
      hashToken(code),
      openid,
      nickname,
      services.now() + CODE_TTL_MS,
    );
    const target = new URL(redirect, self);
    target.searchParams.set("code", code);
    const state = c.req.query("state");
    if (state) target.searchParams.set("state", state);
    return c.redirect(target.href, 302);
  });

  app.get(`${base}/auth/wechat/callback`, (c: Context) => {
    const code = c.req.query("code");
    const state = c.req.query("state");
    const extra: Record<string, string> = state ? { state } : {};
    if (!code) return c.redirect(frontend(services, { error: "missing_code", ...extra }), 302);
    const row = services.db.get<{ openid: string; nickname: string; expires_at: number }>(
      "SELECT openid, nickname, expires_at FROM act_oauth_codes WHERE code = ?",
      hashToken(code),
    );
    services.db.run("DELETE FROM act_oauth_codes WHERE code = ?", hashToken(code));
    if (!row || row.expires_at <= services.now())
      return c.redirect(frontend(services, { error: "invalid_code", ...extra }), 302);
    const user =
      services.db.get<UserRow>("SELECT * FROM act_users WHERE wechat_openid = ?", row.openid) ??
      createUser(services, { nickname: row.nickname, passwordHash: null, wechatOpenid: row.openid, role: "user" });
    if (user.status !== "active")
      return c.redirect(frontend(services, { error: `user_${user.status}`, ...extra }), 302);
    const tokens = issueTokens(services, user.id);
    return c.redirect(
      frontend(services, { access_token: tokens.access_token, refresh_token: tokens.refresh_token, ...extra }),
      302,
    );
  });
}
