import { AuthenticationError, PermissionDeniedError } from "@agentlane/sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientFor, coWorld, type World } from "../testing/world.ts";

let w: World;
afterEach(async () => {
  await w?.close();
  expect(w.unexpected).toEqual([]);
});

describe("login, refresh and logout", () => {
  it("logs in the seeded administrator on both roots, enveloped", async () => {
    w = await coWorld();
    const anonymous = clientFor(w.server);
    const v1 = await anonymous.auth.login({ email: "admin@orchestrator.com", password: "admin123" });
    expect(v1.expiresIn).toBe(3600);
    expect(v1.user).toMatchObject({ email: "admin@orchestrator.com", role: "admin" });
    expect(v1.accessToken.split(".")).toHaveLength(3);
    const example = await anonymous.auth.loginExample({ email: "admin@orchestrator.com", password: "admin123" });
    expect(example.user.id).toBe(v1.user.id);
    const raw = await w.server.fetch(
      new Request("http://lite.test/coordinaitor/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@orchestrator.com", password: "wrong" }),
      }),
    );
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ success: false, error: { code: "AUTHENTICATION_ERROR" } });
  });

  it("refreshes an expired access token once, transparently, for concurrent calls", async () => {
    w = await coWorld();
    const refreshes = vi.fn();
    const client = clientFor(w.server, { onTokens: refreshes });
    await client.login({ email: w.admin.email, password: w.admin.password });
    refreshes.mockClear();
    const before = client.tokens.refreshToken;
    w.server.clock.advance(3601 * 1000);
    // The client's own clock has not moved: the server's 401 is what starts the refresh.
    const results = await Promise.all([client.users.me(), client.tasks.list(), client.agents.list()]);
    expect(results[0].email).toBe(w.admin.email);
    expect(refreshes).toHaveBeenCalledTimes(1);
    expect(client.tokens.refreshToken).not.toBe(before);
    // The old refresh token was rotated away.
    await expect(clientFor(w.server).auth.refresh({ refreshToken: before! })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });

  it("a refused refresh calls onAuthLost and fails the call with an AuthenticationError", async () => {
    w = await coWorld();
    const lost = vi.fn();
    const client = clientFor(w.server, { onAuthLost: lost });
    await client.login({ email: w.admin.email, password: w.admin.password });
    const other = clientFor(w.server, {
      accessToken: client.tokens.accessToken,
      refreshToken: client.tokens.refreshToken,
    });
    await other.logout();
    await expect(client.users.me()).rejects.toBeInstanceOf(AuthenticationError);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it("logout stops the refresh token and the session's access tokens at once", async () => {
    w = await coWorld();
    const { client } = await w.newUser();
    const { accessToken, refreshToken } = client.tokens;
    await client.logout();
    const stale = clientFor(w.server, { token: accessToken! });
    await expect(stale.users.me()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(clientFor(w.server).auth.refresh({ refreshToken: refreshToken! })).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});

describe("API keys", () => {
  it("carry their permissions: X-API-Key (or Bearer ak_) with tasks:read lists but cannot create", async () => {
    w = await coWorld();
    const key = await w.admin.client.auth.createApiKey({ name: "reader", permissions: ["tasks:read"] });
    expect(key.key).toMatch(/^ak_/);
    const reader = clientFor(w.server, { apiKey: key.key });
    expect(await reader.tasks.list()).toEqual([]);
    const denied = await reader.tasks.create({ title: "no" }).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(denied).toBeInstanceOf(PermissionDeniedError);
    expect(denied?.code).toBe("AUTHORIZATION_ERROR");
    // The document's bash helper sends the key as a bearer token.
    expect(await clientFor(w.server, { token: key.key }).tasks.list()).toEqual([]);
    // A key cannot mint keys.
    await expect(reader.auth.createApiKey({ name: "x", permissions: ["tasks:read"] })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
  });

  it("cannot be given permissions the user lacks, and expire on the server clock", async () => {
    w = await coWorld();
    const dev = await w.newUser("developer");
    await expect(dev.client.auth.createApiKey({ name: "x", permissions: ["admin"] })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    const key = await dev.client.auth.createApiKey({ name: "short", permissions: ["tasks:read"], expiresIn: 60 });
    const client = clientFor(w.server, { apiKey: key.key });
    await client.tasks.list();
    w.server.clock.advance(61_000);
    await expect(client.tasks.list()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("OAuth", () => {
  it("authorization code: granted by the signed-in user, exchanged once, limited to its scope", async () => {
    w = await coWorld();
    const app = await w.admin.client.auth.createOAuthClient({
      name: "dashboard",
      redirectUris: ["http://localhost:9999/callback"],
      scopes: ["tasks:read", "agents:read"],
    });
    const grant = await w.admin.client.auth.authorize({
      client_id: app.clientId,
      response_type: "code",
      scope: "tasks:read",
      state: "xyz",
    });
    expect(new URL(grant.redirectTo).searchParams.get("state")).toBe("xyz");
    const anonymous = clientFor(w.server);
    const form = { client_id: app.clientId, client_secret: app.clientSecret, code: grant.code };
    const token = await anonymous.auth.token({ grant_type: "authorization_code", ...form });
    expect(token).toMatchObject({ token_type: "Bearer", scope: "tasks:read", expires_in: 3600 });
    const oauth = clientFor(w.server, { token: token.access_token });
    expect(await oauth.tasks.list()).toEqual([]);
    await expect(oauth.agents.list()).rejects.toBeInstanceOf(PermissionDeniedError);
    const again = await anonymous.auth.token({ grant_type: "authorization_code", ...form }).then(
      () => undefined,
      (e: unknown) => e as { code?: string },
    );
    expect(again?.code).toBe("VALIDATION_ERROR");
    const wrong = await anonymous.auth
      .token({ grant_type: "client_credentials", client_id: app.clientId, client_secret: "nope" })
      .then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      );
    expect(wrong).toBeInstanceOf(AuthenticationError);
  });

  it("client credentials: a token acting for the client's owner within its scopes", async () => {
    w = await coWorld();
    const app = await w.admin.client.auth.createOAuthClient({ name: "bot", scopes: ["agents:read"] });
    const token = await clientFor(w.server).auth.token({
      grant_type: "client_credentials",
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });
    const bot = clientFor(w.server, { token: token.access_token });
    expect(await bot.agents.list()).toEqual([]);
    await expect(bot.tasks.list()).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
