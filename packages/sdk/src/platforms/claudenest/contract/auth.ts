/**
 * @module
 * §2 Authentication: password, OAuth, magic link, personal access tokens.
 *
 * Choices where the document is silent:
 * - A missing, unknown, expired or revoked token answers 401 `AUTH_002` (the table's only 401 code).
 * - `register` answers like `login` (`{user, token, expires_at}`), with 201.
 * - `remember: true` makes the login token last 365 days instead of 30.
 * - `POST /auth/tokens` also returns the new token's `id`, so it can be revoked without listing.
 * - Token `abilities` are kept and answered as given (`["*"]` by default). The document defines no ability but
 *   `*`, so no endpoint checks them: every token may do what its user may.
 * - A registered email is at most 255 characters, as Laravel's `email|max:255` rule holds it; a token has at
 *   most 100 abilities of at most 255 characters each.
 * - `AUTH_004` is used for bad magic-link tokens, as §2.7 says (the table calls it a reset token).
 * - The two token shapes are kept as documented, though they differ: `login`, `register` and the OAuth callback
 *   answer `{user, token, expires_at}` (§2.1, §2.2), the magic link `{user, tokens: {access_token,
 *   refresh_token}}` (§2.7). The access token is a personal `cn_` token valid 30 days. The `cn_rt_` refresh token
 *   is not a bearer token and no endpoint takes it: the document has no refresh endpoint, so none is added; sign
 *   in again when the access token expires. A magic link is valid 15 minutes and works once.
 * - OAuth: server-lite is its own provider; `redirect_url` points at its authorize page, which redirects to
 *   the callback with a one-time `code`. The page's optional `email` and `name` choose who signs in and are
 *   validated like `register`'s (`VAL_001` in the ClaudeNest envelope otherwise).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { Id, type Message, MessageSchema, Nothing, Timestamp, type User, UserSchema } from "./common.ts";
import { entity, tokenExample } from "./examples.ts";
import { createTokenExample } from "./request-examples.ts";

/** §2.1: the OAuth providers, `google` and `github`. */
export const Provider = z.enum(["google", "github"]);

/** The zod schema of {@link AuthSession}. */
export const AuthSessionSchema = z.object({ user: UserSchema, token: z.string(), expires_at: Timestamp.nullable() });
/** §2.1/§2.2: the signed-in user with a personal token (`cn_...`) and its expiry (`null` when it never expires). */
export interface AuthSession extends z.output<typeof AuthSessionSchema> {}

/** The zod schema of {@link LoginBody}. */
export const LoginBodySchema = z.object({
  email: z.email(),
  password: z.string().min(1),
  remember: z.boolean().optional(),
});
/** §2.2: email and password; `remember` makes the token last a year instead of 30 days. */
export interface LoginBody extends z.output<typeof LoginBodySchema> {}

/** The zod schema of {@link RegisterBody}. */
export const RegisterBodySchema = z
  .object({
    name: z.string().min(1).max(255),
    email: z.email().max(255),
    password: z.string().min(8),
    password_confirmation: z.string(),
  })
  .refine((b) => b.password === b.password_confirmation, {
    path: ["password"],
    message: "The password field confirmation does not match.",
  });
/** §2.3: a new account; `password_confirmation` must repeat `password`. */
export interface RegisterBody extends z.output<typeof RegisterBodySchema> {}

/** The zod schema of {@link Token}. */
export const TokenSchema = entity(
  z.object({
    id: Id,
    name: z.string(),
    abilities: z.array(z.string()),
    last_used_at: Timestamp.nullable(),
    expires_at: Timestamp.nullable(),
    is_active: z.boolean(),
    created_at: Timestamp,
  }),
  { name: "Token", example: tokenExample },
);
/** §2.6: a personal access token as listed (its secret is never answered again). */
export interface Token extends z.output<typeof TokenSchema> {}

/** The zod schema of {@link CreateTokenBody}. */
export const CreateTokenBodySchema = withExample(
  z.object({
    name: z.string().min(1).max(255),
    /** @default ["*"] */
    abilities: z.array(z.string().min(1).max(255)).max(100).optional(),
    /** Days until the token expires; without it the token does not expire. */
    expires_in_days: z.number().int().min(1).max(3650).optional(),
  }),
  createTokenExample,
);
/** §2.6: a new personal access token's name, abilities and lifetime. */
export interface CreateTokenBody extends z.output<typeof CreateTokenBodySchema> {}

/** The zod schema of {@link CreatedToken}. */
export const CreatedTokenSchema = z.object({
  id: Id,
  token: z.string(),
  name: z.string(),
  abilities: z.array(z.string()),
  expires_at: Timestamp.nullable(),
});
/** §2.6: a new personal access token; `token` is answered only once, here. */
export interface CreatedToken extends z.output<typeof CreatedTokenSchema> {}

/** The zod schema of {@link MagicLinkSession}. */
export const MagicLinkSessionSchema = z.object({
  user: UserSchema,
  tokens: z.object({ access_token: z.string(), refresh_token: z.string() }),
});
/** §2.7: the user signed in by a magic link, with an access token and a refresh token. */
export interface MagicLinkSession extends z.output<typeof MagicLinkSessionSchema> {}

const oauthRedirect = endpoint({
  method: "GET",
  path: "/auth/{provider}/redirect",
  section: "§2.1",
  summary: "OAuth redirect URL (google or github)",
  auth: "none",
  params: z.object({ provider: z.string() }),
  response: named<{ redirect_url: string }>(z.object({ redirect_url: z.string() })),
  errors: ["AUTH_001"],
  rateLimit: "auth",
});

const oauthCallback = endpoint({
  method: "GET",
  path: "/auth/{provider}/callback",
  section: "§2.1",
  summary: "OAuth callback: exchanges the provider's code for a user and token",
  auth: "none",
  params: z.object({ provider: z.string() }),
  query: z.object({ code: z.string().min(1) }),
  response: named<AuthSession>(AuthSessionSchema),
  errors: ["AUTH_001", "AUTH_002"],
  rateLimit: "auth",
});

const login = endpoint({
  method: "POST",
  path: "/auth/login",
  section: "§2.2",
  summary: "Email and password login",
  auth: "none",
  body: named<LoginBody>(LoginBodySchema),
  response: named<AuthSession>(AuthSessionSchema),
  errors: ["AUTH_002"],
  rateLimit: "auth",
});

const register = endpoint({
  method: "POST",
  path: "/auth/register",
  section: "§2.3",
  summary: "Register a user",
  auth: "none",
  body: named<RegisterBody>(RegisterBodySchema),
  response: named<AuthSession>(AuthSessionSchema),
  status: 201,
  rateLimit: "auth",
});

const logout = endpoint({
  method: "POST",
  path: "/auth/logout",
  section: "§2.4",
  summary: "Log out: revokes the token of this request",
  auth: "user",
  response: named<null>(Nothing),
});

const me = endpoint({
  method: "GET",
  path: "/auth/me",
  section: "§2.5",
  summary: "The current user",
  auth: "user",
  response: named<{ user: User }>(z.object({ user: UserSchema })),
});

const listTokens = endpoint({
  method: "GET",
  path: "/auth/tokens",
  section: "§2.6",
  summary: "List personal access tokens",
  auth: "user",
  response: named<Token[]>(z.array(TokenSchema)),
});

const createToken = endpoint({
  method: "POST",
  path: "/auth/tokens",
  section: "§2.6",
  summary: "Create a personal access token",
  auth: "user",
  body: named<CreateTokenBody>(CreateTokenBodySchema),
  response: named<CreatedToken>(CreatedTokenSchema),
  status: 201,
});

const revokeToken = endpoint({
  method: "DELETE",
  path: "/auth/tokens/{id}",
  section: "§2.6",
  summary: "Revoke a personal access token",
  auth: "user",
  params: z.object({ id: Id }),
  response: named<null>(Nothing),
  errors: ["NOT_FOUND"],
  note: "The document names no error for an unknown token id; server-lite answers 404 NOT_FOUND.",
});

const requestMagicLink = endpoint({
  method: "POST",
  path: "/auth/magic-link",
  section: "§2.7",
  summary: "Email a magic link (always succeeds, so that emails cannot be enumerated)",
  auth: "none",
  body: named<{ email: string }>(z.object({ email: z.email() })),
  response: named<Message>(MessageSchema),
  rateLimit: "auth",
});

const verifyMagicLink = endpoint({
  method: "POST",
  path: "/auth/magic-link/verify",
  section: "§2.7",
  summary: "Exchange a magic-link token for access and refresh tokens",
  auth: "none",
  body: named<{ token: string }>(z.object({ token: z.string().min(1) })),
  response: named<MagicLinkSession>(MagicLinkSessionSchema),
  errors: ["AUTH_004"],
  rateLimit: "auth",
});

/** The auth endpoints. */
export const auth = {
  oauthRedirect,
  oauthCallback,
  login,
  register,
  logout,
  me,
  listTokens,
  createToken,
  revokeToken,
  requestMagicLink,
  verifyMagicLink,
};
