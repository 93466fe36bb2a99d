/**
 * @module
 * §2 Authentication. Choices are written next to the schemas in the SDK's `contract/auth.ts`.
 */
import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { Failure, fieldErrors } from "../../../core/failure.ts";
import { hashPassword, hashToken, uuid, verifyPassword } from "../../../core/ids.ts";
import { userOf } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import { DAY_MS, type NestServices, type UserRow } from "../services.ts";

const PROVIDERS = new Set(["google", "github"]);
const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;
const OAUTH_CODE_TTL_MS = 5 * 60 * 1000;
/** Compared against when the email is unknown, so that a login takes as long either way. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

function invalidProvider(provider: string): Failure | undefined {
  return PROVIDERS.has(provider)
    ? undefined
    : new Failure("AUTH_001", `Invalid provider: ${provider}. Use google or github.`);
}

function checkProvider(provider: string): void {
  const failure = invalidProvider(provider);
  if (failure) throw failure;
}

function session(services: NestServices, userId: string, ttlMs: number, name: string) {
  const issued = services.issueToken(userId, { name, ttlMs });
  return { user: services.user(userId), token: issued.token, expires_at: issued.expires_at };
}

/** Finds or creates the user an OAuth provider vouched for. */
function oauthUser(services: NestServices, email: string, name: string): string {
  const existing = services.db.get<{ id: string }>("SELECT id FROM cn_users WHERE email = ?", email);
  if (existing) return existing.id;
  const id = uuid();
  services.db.run(
    "INSERT INTO cn_users (id, email, name, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?)",
    id,
    email,
    name,
    services.clock.iso(),
    services.clock.iso(),
  );
  return id;
}

export const auth: NestHandlers<"auth"> = {
  oauthRedirect({ params }, { baseUrl }) {
    checkProvider(params.provider);
    const state = randomBytes(12).toString("base64url");
    return { redirect_url: `${baseUrl}/auth/${params.provider}/authorize?state=${state}` };
  },

  oauthCallback({ params, query }, { services }) {
    checkProvider(params.provider);
    const hash = hashToken(query.code);
    return services.db.tx(() => {
      const code = services.db.get<{ email: string; name: string; expires_at: number; provider: string }>(
        "SELECT * FROM cn_oauth_codes WHERE code_hash = ?",
        hash,
      );
      if (!code || code.provider !== params.provider || code.expires_at <= services.now()) {
        throw new Failure("AUTH_002", "Invalid or expired authorization code");
      }
      services.db.run("DELETE FROM cn_oauth_codes WHERE code_hash = ?", hash);
      return session(services, oauthUser(services, code.email, code.name), 30 * DAY_MS, `${params.provider} login`);
    });
  },

  async login({ body }, { services }) {
    const user = services.db.get<UserRow>("SELECT * FROM cn_users WHERE email = ?", body.email);
    const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH);
    if (!user?.password_hash || !ok) throw new Failure("AUTH_002", "Invalid credentials");
    return session(services, user.id, (body.remember ? 365 : 30) * DAY_MS, "login");
  },

  async register({ body }, { services, fail }) {
    const passwordHash = await hashPassword(body.password);
    return services.db.tx(() => {
      if (services.db.get("SELECT 1 FROM cn_users WHERE email = ?", body.email)) {
        fail("VAL_001", undefined, { email: ["The email has already been taken."] });
      }
      const id = uuid();
      services.db.run(
        "INSERT INTO cn_users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        id,
        body.email,
        body.name,
        passwordHash,
        services.clock.iso(),
      );
      return session(services, id, 30 * DAY_MS, "login");
    });
  },

  logout({ caller }, { services }) {
    if (caller.kind === "user") {
      services.db.run("DELETE FROM cn_tokens WHERE id = ?", caller.tokenId);
      services.revoke({ tokenId: caller.tokenId }, "The token was logged out");
    }
    return null;
  },

  me: ({ caller }, { services }) => ({ user: services.user(userOf(caller)) }),

  listTokens({ caller }, { services }) {
    // Creation order; rowid breaks ties between tokens made within one millisecond.
    const rows = services.db.all<{
      id: string;
      name: string;
      abilities: string;
      last_used_at: number | null;
      expires_at: number | null;
      created_at: string;
    }>("SELECT * FROM cn_tokens WHERE user_id = ? AND kind = 'personal' ORDER BY created_at, rowid", userOf(caller));
    const now = services.now();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      abilities: JSON.parse(r.abilities) as string[],
      last_used_at: services.iso(r.last_used_at),
      expires_at: services.iso(r.expires_at),
      is_active: r.expires_at === null || r.expires_at > now,
      created_at: r.created_at,
    }));
  },

  createToken({ caller, body }, { services }) {
    const issued = services.issueToken(userOf(caller), {
      name: body.name,
      abilities: body.abilities ?? ["*"],
      ttlMs: body.expires_in_days === undefined ? undefined : body.expires_in_days * DAY_MS,
    });
    return {
      id: issued.id,
      token: issued.token,
      name: body.name,
      abilities: issued.abilities,
      expires_at: issued.expires_at,
    };
  },

  revokeToken({ caller, params }, { services, fail }) {
    const { changes } = services.db.run(
      "DELETE FROM cn_tokens WHERE id = ? AND user_id = ? AND kind = 'personal'",
      params.id,
      userOf(caller),
    );
    if (changes === 0) fail("NOT_FOUND", "Token not found");
    services.revoke({ tokenId: params.id }, "The token was revoked");
    return null;
  },

  requestMagicLink({ body }, { services, baseUrl }) {
    const user = services.db.get<UserRow>("SELECT * FROM cn_users WHERE email = ?", body.email);
    if (user) {
      const token = randomBytes(24).toString("base64url");
      services.db.tx(() => {
        services.db.run(
          "INSERT INTO cn_magic_links (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
          hashToken(token),
          user.id,
          services.now() + MAGIC_LINK_TTL_MS,
        );
        services.db.run(
          "INSERT INTO cn_outbox (to_email, subject, body, created_at) VALUES (?, ?, ?, ?)",
          user.email,
          "Your ClaudeNest sign-in token",
          `Token: ${token}\nIt is valid for 15 minutes. Your app exchanges it for a session with POST ${baseUrl}/auth/magic-link/verify and the body {"token": "…"}.`,
          services.clock.iso(),
        );
      });
    }
    return { message: "Magic link sent to your email" };
  },

  verifyMagicLink({ body }, { services }) {
    const hash = hashToken(body.token);
    return services.db.tx(() => {
      const link = services.db.get<{ user_id: string; expires_at: number; used_at: number | null }>(
        "SELECT user_id, expires_at, used_at FROM cn_magic_links WHERE token_hash = ?",
        hash,
      );
      if (!link || link.used_at !== null || link.expires_at <= services.now()) throw new Failure("AUTH_004");
      services.db.run("UPDATE cn_magic_links SET used_at = ? WHERE token_hash = ?", services.now(), hash);
      services.db.run(
        "UPDATE cn_users SET email_verified_at = coalesce(email_verified_at, ?) WHERE id = ?",
        services.clock.iso(),
        link.user_id,
      );
      const access = services.issueToken(link.user_id, { name: "magic link", ttlMs: 30 * DAY_MS });
      const refresh = services.issueToken(link.user_id, {
        name: "magic link refresh",
        kind: "refresh",
        ttlMs: 60 * DAY_MS,
        prefix: "cn_rt_",
      });
      return {
        user: services.user(link.user_id),
        tokens: { access_token: access.token, refresh_token: refresh.token },
      };
    });
  },
};

/** Who the emulated provider signs in: held to what `register` accepts, since the callback may create the user. */
const AuthorizeQuery = z.object({
  email: z.email().max(255).optional(),
  name: z.string().min(1).max(255).optional(),
  state: z.string().max(1024).optional(),
});

/**
 * The emulated OAuth provider: `GET {base}/auth/{provider}/authorize?state&email&name` approves at once and
 * redirects to the callback with a one-time code, as a real provider does after the user consents.
 */
export function oauthProviderRoutes(
  app: Hono,
  base: string,
  services: NestServices,
  fail: (c: Context, failure: Failure) => Response,
): void {
  app.get(`${base}/auth/:provider/authorize`, (c) => {
    const provider = c.req.param("provider");
    const refused = invalidProvider(provider);
    if (refused) return fail(c, refused);
    const given = { email: c.req.query("email"), name: c.req.query("name"), state: c.req.query("state") };
    const query = AuthorizeQuery.safeParse(given);
    if (!query.success) return fail(c, new Failure("VAL_001", undefined, fieldErrors(query.error.issues, given)));
    const email = query.data.email ?? `developer@${provider}.example`;
    const name = query.data.name ?? "Local Developer";
    const code = randomBytes(18).toString("base64url");
    services.db.run(
      "INSERT INTO cn_oauth_codes (code_hash, provider, email, name, expires_at) VALUES (?, ?, ?, ?, ?)",
      hashToken(code),
      provider,
      email,
      name,
      services.now() + OAUTH_CODE_TTL_MS,
    );
    const { state } = query.data;
    const target = new URL(c.req.url);
    target.pathname = `${base}/auth/${provider}/callback`;
    target.search = new URLSearchParams({ code, ...(state ? { state } : {}) }).toString();
    return c.redirect(target.href, 302);
  });
}
