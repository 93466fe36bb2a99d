import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../seed.ts";
import { type NestHarness, startNest } from "../testing/test-nest.ts";

const DAY = 24 * 60 * 60 * 1000;
const unauthenticated = { status: 401, code: "AUTH_002" };

let h: NestHarness;
beforeEach(async () => {
  h = await startNest();
});
afterEach(() => h.close());

describe("auth.login (§2.2)", () => {
  it("answers the user, a cn_ token and its expiry (30 days, or 365 with remember)", async () => {
    const session = await h.client().auth.login({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(session.user).toMatchObject({ email: DEMO_EMAIL, name: "Demo User" });
    expect(session.token).toMatch(/^cn_/);
    expect(session.expires_at).toBe("2026-03-04T12:00:00.000Z");
    await expect(h.client(session.token).auth.me()).resolves.toEqual({ user: session.user });

    const remembered = await h.client().auth.login({ email: DEMO_EMAIL, password: DEMO_PASSWORD, remember: true });
    expect(remembered.expires_at).toBe("2027-02-02T12:00:00.000Z");
  });

  it("matches the email without regard to case", async () => {
    const session = await h.client().auth.login({ email: DEMO_EMAIL.toUpperCase(), password: DEMO_PASSWORD });
    expect(session.user.email).toBe(DEMO_EMAIL);
  });

  it("refuses a wrong password and an unknown email alike with 401 AUTH_002", async () => {
    const wrong = h.client().auth.login({ email: DEMO_EMAIL, password: "not-the-password" });
    await expect(wrong).rejects.toMatchObject({ ...unauthenticated, message: "401 AUTH_002: Invalid credentials" });
    const unknown = h.client().auth.login({ email: "nobody@example.com", password: DEMO_PASSWORD });
    await expect(unknown).rejects.toMatchObject({ ...unauthenticated, message: "401 AUTH_002: Invalid credentials" });
  });

  it("refuses a password login for a user who only ever signed in with OAuth", async () => {
    const session = await oauthLogin("github", "oauth-only@example.com");
    expect(session.user.email).toBe("oauth-only@example.com");
    await expect(
      h.client().auth.login({ email: "oauth-only@example.com", password: "anything-at-all" }),
    ).rejects.toMatchObject(unauthenticated);
  });

  it("answers VAL_001 with field errors for missing and mistyped fields", async () => {
    const missing = await h.request("POST", "/auth/login", { body: {} });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error).toEqual({
      code: "VAL_001",
      message: "The given data was invalid.",
      errors: { email: ["The email field is required."], password: ["The password field is required."] },
    });

    const mistyped = await h.request("POST", "/auth/login", { body: { email: 42, password: DEMO_PASSWORD } });
    const { error } = await mistyped.json();
    expect(error.code).toBe("VAL_001");
    expect(Object.keys(error.errors)).toEqual(["email"]);
    expect(error.errors.email[0]).not.toMatch(/required/);
  });
});

describe("auth.register (§2.3)", () => {
  const body = {
    name: "Jane Doe",
    email: "jane@example.com",
    password: "securepassword",
    password_confirmation: "securepassword",
  };

  it("creates a user and answers 201 with a working token", async () => {
    const { data, status } = await h.client().auth.register(body).withResponse();
    expect(status).toBe(201);
    expect(data.user).toEqual({
      id: expect.any(String),
      email: "jane@example.com",
      name: "Jane Doe",
      avatar_url: null,
      email_verified_at: null,
    });
    expect(data.token).toMatch(/^cn_/);
    expect(data.expires_at).toBe("2026-03-04T12:00:00.000Z");
    await expect(h.client(data.token).auth.me()).resolves.toEqual({ user: data.user });
    await expect(h.client().auth.login({ email: body.email, password: body.password })).resolves.toMatchObject({
      user: { id: data.user.id },
    });
  });

  it("refuses an email already taken (in any case) with VAL_001 on `email`, creating nothing", async () => {
    const before = h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_users")!.n;
    const taken = h.client().auth.register({ ...body, email: DEMO_EMAIL.toUpperCase() });
    await expect(taken).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      fieldErrors: { email: ["The email has already been taken."] },
    });
    expect(h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_users")!.n).toBe(before);
  });

  it("refuses a confirmation that does not match, on `password`", async () => {
    const mismatch = h.client().auth.register({ ...body, password_confirmation: "somethingelse" });
    await expect(mismatch).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      fieldErrors: { password: ["The password field confirmation does not match."] },
    });
  });

  it("refuses an email longer than 255 characters", async () => {
    const email = `${"j".repeat(250)}@example.com`;
    const response = await h.request("POST", "/auth/register", { body: { ...body, email } });
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.errors)).toEqual(["email"]);
  });

  it("names every missing field, and keeps type errors apart from missing ones", async () => {
    const missing = await (await h.request("POST", "/auth/register", { body: {} })).json();
    expect(missing.error.code).toBe("VAL_001");
    expect(missing.error.errors).toEqual({
      name: ["The name field is required."],
      email: ["The email field is required."],
      password: ["The password field is required."],
      password_confirmation: ["The password_confirmation field is required."],
    });

    const response = await h.request("POST", "/auth/register", {
      body: { name: 7, email: "not-an-email", password: "short", password_confirmation: "short" },
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()).error;
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "password"]);
    for (const messages of Object.values(errors as Record<string, string[]>))
      expect(messages.join()).not.toMatch(/required/);
  });

  it("answers VAL_001 for a JSON body that is not an object", async () => {
    for (const raw of ["[]", "null", '"text"']) {
      const response = await h.request("POST", "/auth/register", { body: raw });
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatchObject({ code: "VAL_001", errors: { body: expect.any(Array) } });
    }
  });
});

describe("tokens: me, logout, list, create, revoke (§2.4–2.6)", () => {
  it("me answers the token's user; a missing, unknown or malformed token answers 401 AUTH_002", async () => {
    await expect(h.nest.auth.me()).resolves.toMatchObject({ user: { email: DEMO_EMAIL, name: "Demo User" } });
    await expect(h.client().auth.me()).rejects.toMatchObject(unauthenticated);
    await expect(h.client("cn_unknown").auth.me()).rejects.toMatchObject(unauthenticated);
    const basic = await h.request("GET", "/auth/me", { headers: { authorization: `Basic ${h.token}` } });
    expect(basic.status).toBe(401);
    expect((await basic.json()).error.code).toBe("AUTH_002");
  });

  it("logout answers data: null and revokes only the token it was called with", async () => {
    const second = await h.nest.auth.createToken({ name: "second" });
    const { data, status } = await h.nest.auth.logout().withResponse();
    expect([status, data]).toEqual([200, null]);
    await expect(h.nest.auth.me()).rejects.toMatchObject(unauthenticated);
    await expect(h.nest.auth.logout()).rejects.toMatchObject(unauthenticated);
    await expect(h.client(second.token).auth.me()).resolves.toMatchObject({ user: { email: DEMO_EMAIL } });
  });

  it("createToken answers 201 with the token once; listTokens shows it without the secret", async () => {
    const { data: created, status } = await h.nest.auth
      .createToken({ name: "CI", abilities: ["machines:read"], expires_in_days: 90 })
      .withResponse();
    expect(status).toBe(201);
    expect(created).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^cn_/),
      name: "CI",
      abilities: ["machines:read"],
      expires_at: "2026-05-03T12:00:00.000Z",
    });
    const defaults = await h.nest.auth.createToken({ name: "forever" });
    expect(defaults).toMatchObject({ abilities: ["*"], expires_at: null });

    const tokens = await h.nest.auth.listTokens();
    expect(tokens.map((t) => t.name)).toEqual(["demo", "CI", "forever"]);
    expect(tokens.find((t) => t.id === created.id)).toEqual({
      id: created.id,
      name: "CI",
      abilities: ["machines:read"],
      last_used_at: null,
      expires_at: "2026-05-03T12:00:00.000Z",
      is_active: true,
      created_at: "2026-02-02T12:00:00.000Z",
    });
    expect(JSON.stringify(tokens)).not.toContain(created.token);
  });

  it("lists tokens in the order they were made, also within one millisecond", async () => {
    const names = Array.from({ length: 8 }, (_, i) => `token ${i}`);
    for (const name of names) await h.nest.auth.createToken({ name });
    expect((await h.nest.auth.listTokens()).map((t) => t.name)).toEqual(["demo", ...names]);
  });

  it("records when a token was last used", async () => {
    const created = await h.nest.auth.createToken({ name: "used" });
    h.server.clock.advance(60_000);
    await h.client(created.token).auth.me();
    const listed = (await h.nest.auth.listTokens()).find((t) => t.id === created.id);
    expect(listed?.last_used_at).toBe("2026-02-02T12:01:00.000Z");
  });

  it("an expired token answers 401 and is listed as inactive", async () => {
    const created = await h.nest.auth.createToken({ name: "short", expires_in_days: 1 });
    h.server.clock.advance(DAY - 1);
    await expect(h.client(created.token).auth.me()).resolves.toBeDefined();
    h.server.clock.advance(1);
    await expect(h.client(created.token).auth.me()).rejects.toMatchObject(unauthenticated);
    const listed = (await h.nest.auth.listTokens()).find((t) => t.id === created.id);
    expect(listed?.is_active).toBe(false);
  });

  it("a login token expires after its 30 days", async () => {
    const session = await h.client().auth.login({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
    h.server.clock.advance(30 * DAY);
    await expect(h.client(session.token).auth.me()).rejects.toMatchObject(unauthenticated);
  });

  it("revokeToken answers data: null and the revoked token stops working", async () => {
    const created = await h.nest.auth.createToken({ name: "doomed" });
    await expect(h.nest.auth.revokeToken({ id: created.id })).resolves.toBeNull();
    await expect(h.client(created.token).auth.me()).rejects.toMatchObject(unauthenticated);
    expect((await h.nest.auth.listTokens()).map((t) => t.id)).not.toContain(created.id);
  });

  it("revoking an unknown token, or another user's, answers 404 NOT_FOUND", async () => {
    await expect(h.nest.auth.revokeToken({ id: "00000000-0000-0000-0000-000000000000" })).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    const other = await h.signUp("other@example.com");
    const theirs = await other.nest.auth.createToken({ name: "theirs" });
    await expect(h.nest.auth.revokeToken({ id: theirs.id })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    await expect(other.nest.auth.me()).resolves.toMatchObject({ user: { email: "other@example.com" } });
    await expect(h.client(theirs.token).auth.me()).resolves.toBeDefined();
  });

  it("each user lists only their own tokens", async () => {
    const other = await h.signUp("other@example.com");
    expect((await other.nest.auth.listTokens()).map((t) => t.name)).toEqual(["login"]);
    expect((await h.nest.auth.listTokens()).map((t) => t.name)).toEqual(["demo"]);
  });

  it("createToken validates its body", async () => {
    const response = await h.request("POST", "/auth/tokens", {
      token: h.token,
      body: { name: "", expires_in_days: 0 },
    });
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.errors).sort()).toEqual(["expires_in_days", "name"]);
  });

  it("createToken holds abilities to 100 names of at most 255 characters", async () => {
    const refused = async (abilities: string[]) => {
      const response = await h.request("POST", "/auth/tokens", { token: h.token, body: { name: "ci", abilities } });
      expect(response.status).toBe(422);
      return Object.keys((await response.json()).error.errors);
    };
    expect(await refused(Array.from({ length: 101 }, (_, i) => `ability-${i}`))).toEqual(["abilities"]);
    expect(await refused(["tasks:read", "x".repeat(256)])).toEqual(["abilities.1"]);
    const created = await h.nest.auth.createToken({
      name: "ci",
      abilities: Array.from({ length: 100 }, (_, i) => `a${i}`),
    });
    expect(created.abilities).toHaveLength(100);
  });
});

/** Runs the emulated OAuth flow: redirect URL, provider consent (302 with a code), callback. */
async function authorizationCode(provider: "google" | "github", email?: string): Promise<string> {
  const { redirect_url } = await h.client().auth.oauthRedirect({ provider });
  const url = new URL(redirect_url);
  if (email) url.searchParams.set("email", email);
  const consent = await h.server.fetch(new Request(url, { redirect: "manual" }));
  expect(consent.status).toBe(302);
  const location = new URL(consent.headers.get("location")!);
  expect(location.pathname).toBe(`${new URL(h.baseUrl).pathname}/auth/${provider}/callback`);
  expect(location.searchParams.get("state")).toBe(url.searchParams.get("state"));
  return location.searchParams.get("code")!;
}

async function oauthLogin(provider: "google" | "github", email?: string) {
  return h.client().auth.oauthCallback({ provider, code: await authorizationCode(provider, email) });
}

describe("OAuth (§2.1)", () => {
  it("redirect answers an authorize URL of the emulated provider, with a state", async () => {
    for (const provider of ["google", "github"] as const) {
      const { redirect_url } = await h.client().auth.oauthRedirect({ provider });
      expect(redirect_url).toMatch(new RegExp(`^${h.baseUrl}/auth/${provider}/authorize\\?state=[\\w-]+$`));
    }
  });

  it("the callback exchanges the provider's code for a verified user and a token", async () => {
    const session = await oauthLogin("google");
    expect(session.user).toMatchObject({
      email: "developer@google.example",
      name: "Local Developer",
      email_verified_at: "2026-02-02T12:00:00.000Z",
    });
    expect(session.token).toMatch(/^cn_/);
    expect(session.expires_at).toBe("2026-03-04T12:00:00.000Z");
    await expect(h.client(session.token).auth.me()).resolves.toEqual({ user: session.user });
  });

  it("signs an existing email in as that user", async () => {
    const demo = await h.nest.auth.me();
    const session = await oauthLogin("github", DEMO_EMAIL);
    expect(session.user.id).toBe(demo.user.id);
  });

  it("a code is single-use", async () => {
    const code = await authorizationCode("github");
    await h.client().auth.oauthCallback({ provider: "github", code });
    await expect(h.client().auth.oauthCallback({ provider: "github", code })).rejects.toMatchObject(unauthenticated);
  });

  it("refuses an unknown code, another provider's code and an expired code with AUTH_002", async () => {
    await expect(h.client().auth.oauthCallback({ provider: "google", code: "made-up" })).rejects.toMatchObject(
      unauthenticated,
    );
    const code = await authorizationCode("google");
    await expect(h.client().auth.oauthCallback({ provider: "github", code })).rejects.toMatchObject(unauthenticated);
    h.server.clock.advance(5 * 60_000);
    await expect(h.client().auth.oauthCallback({ provider: "google", code })).rejects.toMatchObject(unauthenticated);
  });

  it("refuses an unknown provider with 400 AUTH_001 on redirect, callback and the provider page", async () => {
    const invalidProvider = { status: 400, code: "AUTH_001" };
    await expect(h.client().auth.oauthRedirect({ provider: "gitlab" })).rejects.toMatchObject(invalidProvider);
    await expect(h.client().auth.oauthCallback({ provider: "gitlab", code: "abc" })).rejects.toMatchObject(
      invalidProvider,
    );
    const page = await h.request("GET", "/auth/gitlab/authorize");
    expect(page.status).toBe(400);
    expect((await page.json()).error.code).toBe("AUTH_001");
  });

  it("the provider page answers in the ClaudeNest envelope and validates who it signs in", async () => {
    const unknown = await h.request("GET", "/auth/gitlab/authorize");
    expect(await unknown.json()).toEqual({
      success: false,
      error: { code: "AUTH_001", message: "Invalid provider: gitlab. Use google or github." },
      meta: { timestamp: "2026-02-02T12:00:00.000Z", request_id: expect.stringMatching(/^req_/) },
    });
    for (const [query, field] of [
      ["email=not-an-email", "email"],
      [`email=${"a".repeat(250)}%40example.com`, "email"],
      [`name=${"n".repeat(256)}`, "name"],
      ["name=", "name"],
    ] as const) {
      const page = await h.request("GET", `/auth/github/authorize?state=s&${query}`);
      expect(page.status, query).toBe(422);
      const { error } = await page.json();
      expect([error.code, Object.keys(error.errors)], query).toEqual(["VAL_001", [field]]);
    }
    expect(h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_oauth_codes")!.n).toBe(0);
  });

  it("the callback without a code answers VAL_001 on `code`", async () => {
    const response = await h.request("GET", "/auth/google/callback");
    expect(response.status).toBe(422);
    expect((await response.json()).error.errors).toEqual({ code: ["The code field is required."] });
  });
});

/** The token of the last magic link mailed to `email`, read from the outbox. */
function mailedToken(email: string): string {
  const mail = h.server.db.get<{ body: string }>(
    "SELECT body FROM cn_outbox WHERE to_email = ? ORDER BY id DESC LIMIT 1",
    email,
  );
  const token = mail && /Token: (\S+)/.exec(mail.body)?.[1];
  if (!token) throw new Error(`no magic link was mailed to ${email}`);
  return token;
}

describe("magic link (§2.7)", () => {
  it("mails a link and answers the same message whether or not the email exists", async () => {
    const sent = await h.client().auth.requestMagicLink({ email: DEMO_EMAIL });
    const unknown = await h.client().auth.requestMagicLink({ email: "nobody@example.com" });
    expect(sent).toEqual({ message: "Magic link sent to your email" });
    expect(unknown).toEqual(sent);
    const outbox = h.server.db.all<{ to_email: string; body: string }>("SELECT to_email, body FROM cn_outbox");
    expect(outbox.map((m) => m.to_email)).toEqual([DEMO_EMAIL]);
    expect(outbox[0]!.body).toContain(`Token: ${mailedToken(DEMO_EMAIL)}`);
    expect(outbox[0]!.body).toContain(`POST ${h.baseUrl}/auth/magic-link/verify`);
  });

  it("verify answers the user with an access token and a refresh token (not a bearer token)", async () => {
    const other = await h.signUp("magic@example.com");
    expect(other.user.email_verified_at).toBeNull();
    await h.client().auth.requestMagicLink({ email: "magic@example.com" });
    const session = await h.client().auth.verifyMagicLink({ token: mailedToken("magic@example.com") });
    expect(session.user).toMatchObject({ id: other.user.id, email_verified_at: "2026-02-02T12:00:00.000Z" });
    expect(session.tokens.access_token).toMatch(/^cn_/);
    expect(session.tokens.refresh_token).toMatch(/^cn_rt_/);
    await expect(h.client(session.tokens.access_token).auth.me()).resolves.toMatchObject({
      user: { id: other.user.id },
    });
    await expect(h.client(session.tokens.refresh_token).auth.me()).rejects.toMatchObject(unauthenticated);
  });

  it("refuses a used, an expired and an unknown token with 400 AUTH_004", async () => {
    const invalidLink = { status: 400, code: "AUTH_004", message: "400 AUTH_004: Invalid or expired magic link token" };
    await h.client().auth.requestMagicLink({ email: DEMO_EMAIL });
    const token = mailedToken(DEMO_EMAIL);
    await h.client().auth.verifyMagicLink({ token });
    await expect(h.client().auth.verifyMagicLink({ token })).rejects.toMatchObject(invalidLink);

    await h.client().auth.requestMagicLink({ email: DEMO_EMAIL });
    const late = mailedToken(DEMO_EMAIL);
    h.server.clock.advance(15 * 60_000);
    await expect(h.client().auth.verifyMagicLink({ token: late })).rejects.toMatchObject(invalidLink);

    await expect(h.client().auth.verifyMagicLink({ token: "never-issued" })).rejects.toMatchObject(invalidLink);
  });

  it("a link is still good just before its 15 minutes are up", async () => {
    await h.client().auth.requestMagicLink({ email: DEMO_EMAIL });
    h.server.clock.advance(15 * 60_000 - 1);
    await expect(h.client().auth.verifyMagicLink({ token: mailedToken(DEMO_EMAIL) })).resolves.toMatchObject({
      user: { email: DEMO_EMAIL },
    });
  });

  it("validates the email and the token fields", async () => {
    const badEmail = await h.request("POST", "/auth/magic-link", { body: { email: "nope" } });
    expect(badEmail.status).toBe(422);
    expect(Object.keys((await badEmail.json()).error.errors)).toEqual(["email"]);
    const emptyToken = await h.request("POST", "/auth/magic-link/verify", { body: { token: "" } });
    expect(emptyToken.status).toBe(422);
    expect(Object.keys((await emptyToken.json()).error.errors)).toEqual(["token"]);
  });
});
