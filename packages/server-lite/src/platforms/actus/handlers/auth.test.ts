import { AuthenticationError, ConflictError, PermissionDeniedError, UnprocessableEntityError } from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, UNMATCHABLE_PASSWORD_HASH, verifyPassword } from "../../../core/ids.ts";
import { type ActusWorld, actusWorld, clientFor, errorOf, newUser } from "../testing/harness.ts";

let w: ActusWorld;
beforeAll(async () => {
  w = await actusWorld();
});
afterAll(() => w.server.close());

describe("auth", () => {
  it("makes the first account the super_admin and later ones users", async () => {
    expect((await w.admin.actus.auth.me()).role).toBe("super_admin");
    const me = await w.alice.actus.auth.me();
    expect(me).toMatchObject({ id: w.alice.id, username: w.alice.username, role: "user", status: "active" });
  });

  it("registers by email only and logs in by email or username", async () => {
    const anonymous = clientFor(w.server);
    const email = `carol-${Date.now()}@example.test`;
    const { user } = await anonymous.auth.register({ email, password: "secret123", nickname: "Carol" });
    expect(user).toMatchObject({ email, username: null, nickname: "Carol" });
    const byEmail = await anonymous.auth.login({ email, password: "secret123" });
    expect(byEmail.tokens.token_type).toBe("bearer");
    const byName = await anonymous.auth.login({ username: w.bob.username, password: "password123" });
    expect(byName.user.id).toBe(w.bob.id);
  });

  it("refuses a register without username or email, a taken name, and a wrong password", async () => {
    const anonymous = clientFor(w.server);
    const invalid = await errorOf(anonymous.auth.register({ password: "secret123" } as never));
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid.code).toBe("422");
    const taken = await errorOf(anonymous.auth.register({ username: w.bob.username, password: "secret123" }));
    expect(taken).toBeInstanceOf(ConflictError);
    const wrong = await errorOf(anonymous.auth.login({ username: w.bob.username, password: "nope-nope" }));
    expect(wrong).toBeInstanceOf(AuthenticationError);
    expect(wrong.status).toBe(401);
  });

  it("answers an unknown user as it answers a wrong password, after checking a hash of the same cost", async () => {
    const anonymous = clientFor(w.server);
    const wrong = await errorOf(anonymous.auth.login({ username: w.bob.username, password: "nope-nope" }));
    const unknown = await errorOf(anonymous.auth.login({ username: "nobody-here", password: "nope-nope" }));
    expect(unknown).toBeInstanceOf(AuthenticationError);
    expect([unknown.status, unknown.code, unknown.message]).toEqual([wrong.status, wrong.code, wrong.message]);
    // The hash an unknown user is checked against has a real hash's scheme, parameters and length, and matches
    // no password.
    const real = await hashPassword("nope-nope");
    const shape = (stored: string) => {
      const [scheme, n, r, p, salt, hash] = stored.split("$");
      return [scheme, n, r, p, Buffer.from(salt!, "base64url").length, Buffer.from(hash!, "base64url").length];
    };
    expect(shape(UNMATCHABLE_PASSWORD_HASH)).toEqual(shape(real));
    expect(await verifyPassword("nope-nope", UNMATCHABLE_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("", UNMATCHABLE_PASSWORD_HASH)).toBe(false);
  });

  it("answers 401 with code 401 without a token", async () => {
    const response = await w.server.fetch(new Request("http://lite.test/api/auth/me"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 401, data: null });
  });

  it("updates the profile", async () => {
    const user = await newUser(w.server, "profile");
    const updated = await user.actus.auth.updateMe({ nickname: "新昵称", avatar: "https://example.test/a.png" });
    expect(updated).toMatchObject({ nickname: "新昵称", avatar: "https://example.test/a.png" });
    expect((await user.actus.auth.me()).nickname).toBe("新昵称");
  });

  it("refreshes once after the access token expired, with rotation", async () => {
    const user = await newUser(w.server, "refresh");
    const seen: string[] = [];
    const actus = clientFor(w.server, { onTokens: (t) => seen.push(t.accessToken) });
    await actus.auth.signIn({ username: user.username, password: "password123" });
    w.server.clock.advance(31 * 60_000);
    // Two calls at once share one refresh.
    const [a, b] = await Promise.all([actus.auth.me(), actus.auth.me()]);
    expect(a.id).toBe(user.id);
    expect(b.id).toBe(user.id);
    expect(seen).toHaveLength(2);
    const used = await errorOf(clientFor(w.server).auth.refresh({ refresh_token: "acr_not_a_token" }));
    expect(used).toBeInstanceOf(AuthenticationError);
  });

  it("keeps banned and inactive users out", async () => {
    const user = await newUser(w.server, "banned");
    await w.admin.actus.admin.setUserStatus({ user_id: user.id, status: "banned" });
    const login = await errorOf(clientFor(w.server).auth.login({ username: user.username, password: "password123" }));
    expect(login).toBeInstanceOf(PermissionDeniedError);
    expect((await errorOf(user.actus.auth.me())).status).toBe(401);
    await w.admin.actus.admin.setUserStatus({ user_id: user.id, status: "inactive" });
    const inactive = await errorOf(
      clientFor(w.server).auth.login({ username: user.username, password: "password123" }),
    );
    expect(inactive).toBeInstanceOf(PermissionDeniedError);
  });

  it("signs in through the built-in WeChat provider and redirects to the frontend", async () => {
    const { authorize_url } = await clientFor(w.server).auth.wechatAuthorize({ state: "xyz" });
    const page = await w.server.fetch(new Request(authorize_url.replace(/#.*$/, "")));
    expect(page.status).toBe(302);
    const callback = await w.server.fetch(new Request(page.headers.get("location")!));
    expect(callback.status).toBe(302);
    const target = new URL(callback.headers.get("location")!);
    expect(target.searchParams.get("state")).toBe("xyz");
    const token = target.searchParams.get("access_token")!;
    const me = await clientFor(w.server, { token }).auth.me();
    expect(me.nickname).toBe("微信用户");
    // A code works once.
    const again = await w.server.fetch(new Request(page.headers.get("location")!));
    expect(new URL(again.headers.get("location")!).searchParams.get("error")).toBe("invalid_code");
  });
});
