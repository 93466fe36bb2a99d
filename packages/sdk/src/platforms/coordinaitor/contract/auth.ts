/**
 * @module
 * §Authentication: JWT login, refresh and logout, API keys and the OAuth 2.0 endpoints.
 *
 * Choices where the document is vague or contradicts itself:
 * - Login and refresh exist twice, as the reference (`/api/v1/auth/...`) and as the Authentication section's
 *   examples (`/api/auth/...`); both answer the same. The examples show the login answer bare
 *   (`{accessToken, ...}`), the reference enveloped: server-lite sends the envelope, and the SDK reads both.
 * - Access tokens are HS256 JWTs that expire after `expiresIn` seconds (3600). Refresh tokens are opaque and
 *   rotate: a refresh answers a new pair and the old refresh token stops working. `logout` ends the session of
 *   the refresh token it is given: that token and every access token of its session stop working at once.
 * - The document has no sign-up: an administrator creates users (`users.create`).
 * - `POST /api/auth/api-keys` (documented only as an example) answers the secret once, in `key`, prefixed `ak_`.
 *   A key acts as its owner, limited to its `permissions`; a missing permission is 403 `AUTHORIZATION_ERROR`.
 *   Only a signed-in user (not another key) may create keys, and only with permissions the user has.
 * - OAuth (§3, "enterprise"): clients are registered with `POST /api/v1/oauth/clients` (not documented; the
 *   document needs a `client_id` and `client_secret` from somewhere). `GET /oauth/authorize` is called by the
 *   signed-in user (server-lite has no login page): it answers the code and the redirect URL, instead of a
 *   browser redirect. `POST /oauth/token` is form-encoded, takes `authorization_code` (codes live 10 minutes and
 *   work once) and `client_credentials`, and answers RFC 6749 names (`access_token`, `expires_in`) inside the
 *   envelope. An OAuth token is limited to its granted scopes, which are permission names.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing, PermissionSchema, Timestamp } from "./common.ts";

/** The zod schema of {@link LoginUser}. */
export const LoginUserSchema = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  organizationId: z.string(),
  role: z.string().optional(),
});
/** The user a login answers. */
export interface LoginUser extends z.output<typeof LoginUserSchema> {}

/** The zod schema of {@link TokenPairAnswer}. */
export const TokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});
/** What a refresh answers: a new access token and a new refresh token. */
export interface TokenPairAnswer extends z.output<typeof TokenPairSchema> {}

/** The zod schema of {@link LoginAnswer}. */
export const LoginAnswerSchema = TokenPairSchema.extend({ user: LoginUserSchema });
/** What a login answers: the tokens and who signed in. */
export interface LoginAnswer extends z.output<typeof LoginAnswerSchema> {}

/** The zod schema of {@link LoginBody}. */
export const LoginBodySchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
});
/** Credentials to sign in with. */
export interface LoginBody extends z.output<typeof LoginBodySchema> {}

/** The zod schema of {@link RefreshBody}. */
export const RefreshBodySchema = z.object({ refreshToken: z.string().min(1).max(2000) });
/** A refresh token to exchange or revoke. */
export interface RefreshBody extends z.output<typeof RefreshBodySchema> {}

/** The zod schema of {@link CreateApiKeyBody}. */
export const CreateApiKeyBodySchema = z.object({
  name: z.string().min(1).max(200),
  permissions: z.array(PermissionSchema).min(1).max(20),
  /** Seconds until the key stops working; without it, it never expires. */
  expiresIn: z
    .number()
    .int()
    .min(60)
    .max(10 * 365 * 24 * 3600)
    .optional(),
});
/** An API key to create. */
export interface CreateApiKeyBody extends z.output<typeof CreateApiKeyBodySchema> {}

/** The zod schema of {@link ApiKey}. */
export const ApiKeySchema = z.object({
  id: Id,
  name: z.string(),
  /** The secret, `ak_…`: answered once, at creation; send it as `X-API-Key`. */
  key: z.string(),
  permissions: z.array(PermissionSchema),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
});
/** A new API key, with its secret. */
export interface ApiKey extends z.output<typeof ApiKeySchema> {}

/** The zod schema of {@link AuthorizeQuery}. */
export const AuthorizeQuerySchema = z.object({
  client_id: z.string().min(1).max(200),
  response_type: z.literal("code"),
  /** Space- or plus-separated permission names. */
  scope: z.string().max(1000).optional(),
  redirect_uri: z.string().max(2000).optional(),
  state: z.string().max(1000).optional(),
});
/** `GET /oauth/authorize`'s query. */
export interface AuthorizeQuery extends z.output<typeof AuthorizeQuerySchema> {}

/** The zod schema of {@link Authorization}. */
export const AuthorizationSchema = z.object({
  code: z.string(),
  state: z.string().nullable(),
  /** The client's redirect URL with `code` (and `state`) added: where a browser would be sent. */
  redirectTo: z.string(),
  scope: z.string(),
  expiresIn: z.number().int(),
});
/** An authorization code granted by the signed-in user. */
export interface Authorization extends z.output<typeof AuthorizationSchema> {}

/** The zod schema of {@link TokenRequest}. */
export const TokenRequestSchema = z.object({
  grant_type: z.enum(["authorization_code", "client_credentials"]),
  client_id: z.string().min(1).max(200),
  client_secret: z.string().min(1).max(500),
  code: z.string().max(500).optional(),
  redirect_uri: z.string().max(2000).optional(),
  scope: z.string().max(1000).optional(),
});
/** `POST /oauth/token`'s form. */
export interface TokenRequest extends z.output<typeof TokenRequestSchema> {}

/** The zod schema of {@link OAuthToken}. */
export const OAuthTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  scope: z.string(),
});
/** An OAuth access token (RFC 6749 §5.1 names). */
export interface OAuthToken extends z.output<typeof OAuthTokenSchema> {}

/** The zod schema of {@link CreateOAuthClientBody}. */
export const CreateOAuthClientBodySchema = z.object({
  name: z.string().min(1).max(200),
  redirectUris: z.array(z.url().max(2000)).max(10).optional(),
  /** The most a token of this client may be granted. */
  scopes: z.array(PermissionSchema).min(1).max(20),
});
/** An OAuth client to register. */
export interface CreateOAuthClientBody extends z.output<typeof CreateOAuthClientBodySchema> {}

/** The zod schema of {@link OAuthClient}. */
export const OAuthClientSchema = z.object({
  clientId: z.string(),
  /** Answered once, at registration. */
  clientSecret: z.string(),
  name: z.string(),
  redirectUris: z.array(z.string()),
  scopes: z.array(PermissionSchema),
  createdAt: Timestamp,
});
/** A registered OAuth client, with its secret. */
export interface OAuthClient extends z.output<typeof OAuthClientSchema> {}

const Login = named<LoginAnswer>(LoginAnswerSchema);
const Pair = named<TokenPairAnswer>(TokenPairSchema);

/** The auth endpoints. */
export const auth = {
  login: endpoint({
    method: "POST",
    path: "/api/v1/auth/login",
    section: "Authentication Endpoints",
    summary: "Authenticate user and receive JWT token",
    auth: "none",
    rateLimit: "auth",
    body: named<LoginBody>(LoginBodySchema),
    response: Login,
    errors: ["AUTHENTICATION_ERROR"],
  }),
  refresh: endpoint({
    method: "POST",
    path: "/api/v1/auth/refresh",
    section: "Authentication Endpoints",
    summary: "Refresh expired access token",
    auth: "none",
    rateLimit: "auth",
    body: named<RefreshBody>(RefreshBodySchema),
    response: Pair,
    errors: ["AUTHENTICATION_ERROR"],
  }),
  logout: endpoint({
    method: "POST",
    path: "/api/v1/auth/logout",
    section: "Authentication Endpoints",
    summary: "Invalidate current session",
    auth: "user",
    body: named<RefreshBody>(RefreshBodySchema),
    response: Nothing,
    errors: ["AUTHENTICATION_ERROR"],
  }),
  loginExample: endpoint({
    method: "POST",
    path: "/api/auth/login",
    section: "Authentication › JWT Bearer Token",
    summary: "Log in (the Authentication section's unversioned example)",
    auth: "none",
    rateLimit: "auth",
    body: named<LoginBody>(LoginBodySchema),
    response: Login,
    errors: ["AUTHENTICATION_ERROR"],
  }),
  refreshExample: endpoint({
    method: "POST",
    path: "/api/auth/refresh",
    section: "Authentication › Token Refresh",
    summary: "Refresh a token (the Authentication section's unversioned example)",
    auth: "none",
    rateLimit: "auth",
    body: named<RefreshBody>(RefreshBodySchema),
    response: Pair,
    errors: ["AUTHENTICATION_ERROR"],
  }),
  createApiKey: endpoint({
    method: "POST",
    path: "/api/auth/api-keys",
    section: "Authentication › API Key Authentication",
    summary: "Generate an API key",
    auth: "session",
    body: named<CreateApiKeyBody>(CreateApiKeyBodySchema),
    response: named<ApiKey>(ApiKeySchema),
    status: 201,
    errors: ["AUTHORIZATION_ERROR"],
  }),
  authorize: endpoint({
    method: "GET",
    path: "/oauth/authorize",
    section: "Authentication › OAuth 2.0",
    summary: "Grant an OAuth client an authorization code",
    auth: "session",
    query: named<AuthorizeQuery>(AuthorizeQuerySchema),
    response: named<Authorization>(AuthorizationSchema),
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
  token: endpoint({
    method: "POST",
    path: "/oauth/token",
    section: "Authentication › OAuth 2.0",
    summary: "Exchange an authorization code or client credentials for a token",
    auth: "none",
    rateLimit: "auth",
    contentType: "form",
    body: named<TokenRequest>(TokenRequestSchema),
    response: named<OAuthToken>(OAuthTokenSchema),
    errors: ["AUTHENTICATION_ERROR", "AUTHORIZATION_ERROR"],
  }),
  createOAuthClient: endpoint({
    method: "POST",
    path: "/api/v1/oauth/clients",
    section: "Authentication › OAuth 2.0",
    summary: "Register an OAuth client (not in the document)",
    note: "The document's OAuth flow needs a client id and secret; this is where they come from.",
    auth: "session",
    body: named<CreateOAuthClientBody>(CreateOAuthClientBodySchema),
    response: named<OAuthClient>(OAuthClientSchema),
    status: 201,
    errors: ["AUTHORIZATION_ERROR"],
  }),
};
