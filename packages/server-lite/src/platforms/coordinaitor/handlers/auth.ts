/**
 * @module
 * Login, refresh and logout (both roots), API keys, and the OAuth authorization-code and client-credentials
 * grants. Choices are documented in the SDK's `contract/auth.ts`.
 */
import { randomUUID } from "node:crypto";
import { Failure } from "../../../core/failure.ts";
import { hashToken, newToken } from "../../../core/ids.ts";
import { may, userOf } from "../caller.ts";
import { ACCESS_TTL_SECONDS, type CoServices } from "../services.ts";
import { parseJson } from "../state/json.ts";
import { accessToken, login, logout, refresh } from "../state/sessions.ts";
import type { CoHandlers } from "./types.ts";

/** Seconds an authorization code lives. */
const CODE_TTL_SECONDS = 600;

/** The permission names of a scope (`tasks:read+agents:read` or space-separated). */
function scopeNames(scope: string | undefined): string[] {
  return [...new Set((scope ?? "").split(/[ +]+/).filter(Boolean))];
}

function clientOf(services: CoServices, clientId: string, secret: string | undefined) {
  const client = services.db.get<{
    id: string;
    user_id: string;
    secret_hash: string;
    redirect_uris: string;
    scopes: string;
  }>("SELECT id, user_id, secret_hash, redirect_uris, scopes FROM co_oauth_clients WHERE id = ?", clientId);
  if (!client || (secret !== undefined && client.secret_hash !== hashToken(secret)))
    throw new Failure("AUTHENTICATION_ERROR", "Invalid client credentials");
  return client;
}

export const auth: CoHandlers<"auth"> = {
  login: ({ body }, { services }) => login(services, body.email, body.password),
  loginExample: ({ body }, { services }) => login(services, body.email, body.password),
  refresh: ({ body }, { services }) => refresh(services, body.refreshToken),
  refreshExample: ({ body }, { services }) => refresh(services, body.refreshToken),
  logout: ({ body, caller }, { services }) => {
    logout(services, userOf(caller).userId, body.refreshToken);
    return null;
  },
  createApiKey: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    const denied = body.permissions.filter((p) => !may(user, p));
    if (denied.length > 0)
      throw new Failure("AUTHORIZATION_ERROR", `You do not have these permissions: ${denied.join(", ")}`);
    const key = newToken("ak_");
    const id = `key-${randomUUID()}`;
    const now = services.now();
    const expiresAt = body.expiresIn === undefined ? null : now + body.expiresIn * 1000;
    const permissions = [...new Set(body.permissions)];
    services.db.run(
      "INSERT INTO co_api_keys (id, user_id, name, key_hash, permissions, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      user.userId,
      body.name,
      hashToken(key),
      JSON.stringify(permissions),
      now,
      expiresAt,
    );
    return {
      id,
      name: body.name,
      key,
      permissions,
      createdAt: services.iso(now),
      expiresAt: expiresAt === null ? null : services.iso(expiresAt),
    };
  },
  createOAuthClient: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    const denied = body.scopes.filter((p) => !may(user, p));
    if (denied.length > 0)
      throw new Failure("AUTHORIZATION_ERROR", `You do not have these permissions: ${denied.join(", ")}`);
    const clientId = `client-${randomUUID()}`;
    const clientSecret = newToken("cs_");
    const now = services.now();
    const scopes = [...new Set(body.scopes)];
    const redirectUris = body.redirectUris ?? [];
    services.db.run(
      "INSERT INTO co_oauth_clients (id, user_id, name, secret_hash, redirect_uris, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      clientId,
      user.userId,
      body.name,
      hashToken(clientSecret),
      JSON.stringify(redirectUris),
      JSON.stringify(scopes),
      now,
    );
    return { clientId, clientSecret, name: body.name, redirectUris, scopes, createdAt: services.iso(now) };
  },
  authorize: ({ query, caller }, { services }) => {
    const user = userOf(caller);
    const client = services.db.get<{ id: string; redirect_uris: string; scopes: string }>(
      "SELECT id, redirect_uris, scopes FROM co_oauth_clients WHERE id = ?",
      query.client_id,
    );
    if (!client) throw new Failure("NOT_FOUND", "Unknown client_id");
    const allowed = parseJson<string[]>(client.scopes, []);
    const asked = query.scope === undefined ? allowed : scopeNames(query.scope);
    const refused = asked.filter((s) => !allowed.includes(s) || !may(user, s));
    if (refused.length > 0 || asked.length === 0)
      throw new Failure("AUTHORIZATION_ERROR", `Scope not allowed: ${refused.join(", ") || "(empty)"}`);
    const uris = parseJson<string[]>(client.redirect_uris, []);
    const redirect = query.redirect_uri ?? uris[0];
    if (redirect === undefined || !uris.includes(redirect))
      throw new Failure("VALIDATION_ERROR", "redirect_uri is not registered for this client", {
        redirect_uri: ["The redirect_uri must be one the client registered"],
      });
    const code = newToken("code_");
    services.db.run(
      "INSERT INTO co_oauth_codes (code_hash, client_id, user_id, scope, redirect_uri, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      hashToken(code),
      client.id,
      user.userId,
      asked.join(" "),
      query.redirect_uri ?? null,
      services.now() + CODE_TTL_SECONDS * 1000,
    );
    const target = new URL(redirect);
    target.searchParams.set("code", code);
    if (query.state !== undefined) target.searchParams.set("state", query.state);
    return {
      code,
      state: query.state ?? null,
      redirectTo: target.href,
      scope: asked.join(" "),
      expiresIn: CODE_TTL_SECONDS,
    };
  },
  token: ({ body }, { services }) => {
    const client = clientOf(services, body.client_id, body.client_secret);
    const allowed = parseJson<string[]>(client.scopes, []);
    if (body.grant_type === "client_credentials") {
      const asked = body.scope === undefined ? allowed : scopeNames(body.scope);
      const refused = asked.filter((s) => !allowed.includes(s));
      if (refused.length > 0 || asked.length === 0)
        throw new Failure("AUTHORIZATION_ERROR", `Scope not allowed: ${refused.join(", ") || "(empty)"}`);
      const scope = asked.join(" ");
      const token = accessToken(services, client.user_id, `grant-${randomUUID()}`, { scope, clientId: client.id });
      return { access_token: token, token_type: "Bearer" as const, expires_in: ACCESS_TTL_SECONDS, scope };
    }
    if (!body.code)
      throw new Failure("VALIDATION_ERROR", "code is required", { code: ["The code field is required."] });
    return services.db.tx(() => {
      const grant = services.db.get<{
        user_id: string;
        scope: string;
        redirect_uri: string | null;
        expires_at: number;
        used_at: number | null;
      }>(
        "SELECT user_id, scope, redirect_uri, expires_at, used_at FROM co_oauth_codes WHERE code_hash = ? AND client_id = ?",
        hashToken(body.code!),
        client.id,
      );
      const invalid = () =>
        new Failure("VALIDATION_ERROR", "Invalid, used or expired authorization code", {
          code: ["The authorization code is invalid, used or expired"],
        });
      if (!grant || grant.used_at !== null || grant.expires_at <= services.now()) throw invalid();
      if (grant.redirect_uri !== null && grant.redirect_uri !== body.redirect_uri)
        throw new Failure("VALIDATION_ERROR", "redirect_uri does not match", {
          redirect_uri: ["The redirect_uri must be the one the code was granted for"],
        });
      services.db.run(
        "UPDATE co_oauth_codes SET used_at = ? WHERE code_hash = ?",
        services.now(),
        hashToken(body.code!),
      );
      const token = accessToken(services, grant.user_id, `grant-${randomUUID()}`, {
        scope: grant.scope,
        clientId: client.id,
      });
      return { access_token: token, token_type: "Bearer" as const, expires_in: ACCESS_TTL_SECONDS, scope: grant.scope };
    });
  },
};
