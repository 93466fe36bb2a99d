/**
 * @module
 * Auth module: register, login by username or email, refresh, the current user, WeChat OAuth.
 *
 * Choices where the document is silent (the real server and its web UI decide):
 * - Access tokens are bearer JWT-like strings valid 30 minutes, refresh tokens 7 days; `refresh` rotates both.
 *   A missing, invalid or expired token on a protected route is HTTP 401 with envelope code 401.
 * - `inactive` and `banned` users cannot log in or refresh (403), and their tokens stop working (401).
 * - A username is 3-50 letters, digits, `_`, `.` or `-`; a password 6-128 characters; both `username` and
 *   `email` are unique. `register` needs at least one of them, `login` looks the user up by `username` first.
 * - The first account ever registered is a `super_admin` (how a fresh installation gets its administrator);
 *   every later one is a `user`.
 * - WeChat: `authorize` answers the provider's URL; server-lite is its own provider, whose page sends the browser
 *   straight back to `/api/auth/wechat/callback?code=...`. The callback is a browser redirect to the frontend
 *   (`/auth/callback?access_token=...&refresh_token=...`, or `?error=...`), not JSON, so it is served outside
 *   the contract and the SDK has no method for it.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Timestamp } from "./common.ts";
import { entity, userExample } from "./examples.ts";

/** `super_admin | user`. */
export const UserRole = z.enum(["super_admin", "user"]);
/** `active | inactive | banned`. */
export const UserStatus = z.enum(["active", "inactive", "banned"]);

/** The zod schema of {@link User}. */
export const UserSchema = entity(
  z.object({
    id: Id,
    username: z.string().nullable(),
    email: z.string().nullable(),
    nickname: z.string().nullable(),
    avatar: z.string().nullable(),
    role: UserRole,
    status: UserStatus,
    created_at: Timestamp,
  }),
  { name: "User", example: userExample },
);
/** `UserResponse`: an account; `username` or `email` may be `null` when it was registered without it. */
export interface User extends z.output<typeof UserSchema> {}

/** The zod schema of {@link Tokens}. */
export const TokensSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("bearer"),
});
/** `TokenResponse`: a bearer access token and the refresh token that renews it. */
export interface Tokens extends z.output<typeof TokensSchema> {}

/** The zod schema of {@link LoginResult}. */
export const LoginResultSchema = z.object({ user: UserSchema, tokens: TokensSchema });
/** `LoginResponse`: the signed-in user and their tokens. */
export interface LoginResult extends z.output<typeof LoginResultSchema> {}

const Username = z
  .string()
  .min(3)
  .max(50)
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only");
const Password = z.string().min(6).max(128);

/** The zod schema of {@link RegisterBody}. */
export const RegisterBodySchema = z
  .object({
    username: Username.optional(),
    email: z.email().max(255).optional(),
    password: Password,
    nickname: z.string().max(100).optional(),
  })
  .refine((b) => b.username !== undefined || b.email !== undefined, {
    path: ["username"],
    message: "username or email is required",
  });
/** `RegisterRequest`: at least one of `username` or `email`. */
export interface RegisterBody extends z.output<typeof RegisterBodySchema> {}

/** The zod schema of {@link LoginBody}. */
export const LoginBodySchema = z
  .object({
    username: z.string().max(255).optional(),
    email: z.string().max(255).optional(),
    password: z.string().max(128),
  })
  .refine((b) => b.username !== undefined || b.email !== undefined, {
    path: ["username"],
    message: "username or email is required",
  });
/** `LoginRequest`: `username` or `email`, and the password. */
export interface LoginBody extends z.output<typeof LoginBodySchema> {}

/** The zod schema of {@link UpdateMeBody}. */
export const UpdateMeBodySchema = z.object({
  nickname: z.string().max(100).optional(),
  avatar: z.string().max(2048).optional(),
});
/** `UpdateUserRequest`: the fields to change; absent fields stay. */
export interface UpdateMeBody extends z.output<typeof UpdateMeBodySchema> {}

const register = endpoint({
  method: "POST",
  path: "/auth/register",
  section: "Auth Module",
  summary: "Register a new user (username or email required)",
  auth: "none",
  body: RegisterBodySchema,
  response: named<LoginResult>(LoginResultSchema),
  errors: ["CONFLICT"],
  rateLimit: "auth",
});

const login = endpoint({
  method: "POST",
  path: "/auth/login",
  section: "Auth Module",
  summary: "Login by username or email",
  auth: "none",
  body: LoginBodySchema,
  response: named<LoginResult>(LoginResultSchema),
  errors: ["UNAUTHORIZED", "FORBIDDEN"],
  rateLimit: "auth",
});

const refresh = endpoint({
  method: "POST",
  path: "/auth/refresh",
  section: "Auth Module",
  summary: "Refresh the access token",
  auth: "none",
  body: z.object({ refresh_token: z.string().min(1).max(4096) }),
  response: named<Tokens>(TokensSchema),
  errors: ["UNAUTHORIZED", "FORBIDDEN"],
  rateLimit: "auth",
});

const me = endpoint({
  method: "GET",
  path: "/auth/me",
  section: "Auth Module",
  summary: "Current user profile",
  auth: "user",
  response: named<User>(UserSchema),
});

const updateMe = endpoint({
  method: "PUT",
  path: "/auth/me",
  section: "Auth Module",
  summary: "Update the current user profile",
  auth: "user",
  body: UpdateMeBodySchema,
  response: named<User>(UserSchema),
});

const wechatAuthorize = endpoint({
  method: "GET",
  path: "/auth/wechat/authorize",
  section: "Auth Module",
  summary: "WeChat OAuth authorization URL",
  auth: "none",
  query: z.object({
    state: z.string().max(200).optional(),
    scope: z.enum(["snsapi_userinfo", "snsapi_base", "snsapi_login"]).optional(),
  }),
  response: named<{ authorize_url: string }>(z.object({ authorize_url: z.string() })),
});

/** Auth endpoints. */
export const auth = { register, login, refresh, me, updateMe, wechatAuthorize };
