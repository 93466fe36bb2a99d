/**
 * @module
 * Claude credentials (API keys, OAuth tokens) a user keeps for their sessions, beyond the document: ClaudeNest's
 * own server serves them under `/credentials` (`app/Http/Controllers/Api/CredentialController.php`,
 * `app/Http/Resources/CredentialResource.php`) and every page of its web UI lists them (its layout).
 * - Stored per user; a secret is never answered again, only `masked_key` (`sk-ant-...` and its last 6 characters).
 * - Names are 2–100 characters of `a-z`, `0-9` and `-`, unique per user (`DUPLICATE_NAME`, 409).
 * - An `api_key` credential needs `api_key`; an `oauth` one may be stored before its `access_token`
 *   (`token_status` `needs_login`). `expires_at` is given in milliseconds since the epoch and answered ISO-8601.
 * - The first credential is the default; deleting the default makes the oldest remaining one the default.
 * - `update` changes only what it is given (an empty or `null` secret keeps the stored one; `expires_at: null`
 *   clears the expiry), and a name taken by another of the user's credentials is `DUPLICATE_NAME` (the real server
 *   leaves that to its database's unique index).
 * - `test` answers `{valid, message}` as `CredentialService::testCredential` does. An OAuth credential is judged
 *   locally there too (its token status and expiry, with `token_status` and `expires_at`). An API key is sent to
 *   Anthropic's API by the real server; server-lite keeps no secret and calls no provider, so it answers
 *   `valid: false` with `checked: false` and a message that says the key was not checked (the real server's "No API
 *   key stored for this credential" when there is none).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Timestamp } from "./common.ts";

/** How a credential authenticates: an API key, or an OAuth access token. */
export const CredentialAuthType = z.enum(["api_key", "oauth"]);

const CredentialName = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[a-z0-9-]+$/, "The name may hold only a-z, 0-9 and '-'.");
const ClaudeDirMode = z.enum(["shared", "isolated"]);

/** The zod schema of {@link Credential}. */
export const CredentialSchema = z.object({
  id: Id,
  name: z.string(),
  auth_type: CredentialAuthType,
  /** Whether sessions share the machine's `~/.claude` folder or get one of their own. */
  claude_dir_mode: ClaudeDirMode,
  is_default: z.boolean(),
  masked_key: z.string().nullable(),
  token_status: z.enum(["ok", "missing", "needs_login", "expired"]),
  is_expired: z.boolean(),
  has_refresh_token: z.boolean(),
  expires_at: Timestamp.nullable(),
  last_used_at: Timestamp.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  sessions_count: z.number().int(),
});
/** A stored Claude credential, its secret masked. */
export interface Credential extends z.output<typeof CredentialSchema> {}

/** The zod schema of {@link CreateCredentialBody}. */
export const CreateCredentialBodySchema = z
  .object({
    name: CredentialName,
    auth_type: CredentialAuthType,
    api_key: z.string().min(1).max(4096).nullable().optional(),
    access_token: z.string().min(1).max(8192).nullable().optional(),
    refresh_token: z.string().min(1).max(8192).nullable().optional(),
    /** When the access token expires, in milliseconds since the epoch. */
    expires_at: z.number().int().min(0).nullable().optional(),
    /** @default "shared" */
    claude_dir_mode: ClaudeDirMode.nullable().optional(),
  })
  .refine((body) => body.auth_type !== "api_key" || Boolean(body.api_key), {
    path: ["api_key"],
    message: "The api_key field is required when auth_type is api_key.",
  });
/** A credential to store. */
export interface CreateCredentialBody extends z.output<typeof CreateCredentialBodySchema> {}

/** The zod schema of {@link UpdateCredentialBody}. */
export const UpdateCredentialBodySchema = z.object({
  name: CredentialName.optional(),
  auth_type: CredentialAuthType.optional(),
  api_key: z.string().max(4096).nullable().optional(),
  access_token: z.string().max(8192).nullable().optional(),
  refresh_token: z.string().max(8192).nullable().optional(),
  /** When the access token expires, in milliseconds since the epoch; `null` clears it. */
  expires_at: z.number().int().min(0).nullable().optional(),
  claude_dir_mode: ClaudeDirMode.optional(),
});
/** What to change in a credential; secrets left out (or empty) are kept. */
export interface UpdateCredentialBody extends z.output<typeof UpdateCredentialBodySchema> {}

/** The zod schema of {@link CredentialTest}. */
export const CredentialTestSchema = z.object({
  valid: z.boolean(),
  message: z.string(),
  /** The provider's HTTP status, when an API key was sent to it and refused. */
  status: z.number().int().optional(),
  /** Whether the secret itself was checked; `false` when the server could not reach the provider. */
  checked: z.boolean().optional(),
  /** An OAuth credential's token status and expiry. */
  token_status: CredentialSchema.shape.token_status.optional(),
  expires_at: Timestamp.nullable().optional(),
});
/** Whether a credential works, as far as the server could tell. */
export interface CredentialTest extends z.output<typeof CredentialTestSchema> {}

const CredentialParam = z.object({ id: Id });
const source = "ClaudeNest's own server, CredentialController";

const list = endpoint({
  method: "GET",
  path: "/credentials",
  summary: "The caller's credentials, oldest first",
  auth: "user",
  response: named<Credential[]>(z.array(CredentialSchema)),
  beyondDocument: `${source}::index (every page of its web UI)`,
});

const create = endpoint({
  method: "POST",
  path: "/credentials",
  summary: "Store a credential",
  auth: "user",
  body: named<CreateCredentialBody>(CreateCredentialBodySchema),
  response: named<Credential>(CredentialSchema),
  status: 201,
  errors: ["DUPLICATE_NAME"],
  beyondDocument: `${source}::store`,
});

const remove = endpoint({
  method: "DELETE",
  path: "/credentials/{id}",
  summary: "Delete a credential; the oldest remaining one becomes the default if it was",
  auth: "user",
  params: CredentialParam,
  response: named<{ deleted: boolean }>(z.object({ deleted: z.boolean() })),
  errors: ["NOT_FOUND"],
  beyondDocument: `${source}::destroy`,
});

const setDefault = endpoint({
  method: "PATCH",
  path: "/credentials/{id}/default",
  summary: "Make a credential the default",
  auth: "user",
  params: CredentialParam,
  response: named<Credential>(CredentialSchema),
  errors: ["NOT_FOUND"],
  beyondDocument: `${source}::setDefault`,
});

const get = endpoint({
  method: "GET",
  path: "/credentials/{id}",
  summary: "One of the caller's credentials, its secret masked",
  auth: "user",
  params: CredentialParam,
  response: named<Credential>(CredentialSchema),
  errors: ["NOT_FOUND"],
  beyondDocument: `${source}::show`,
});

const update = endpoint({
  method: "PATCH",
  path: "/credentials/{id}",
  summary: "Change a credential's name, type, folder mode or secrets",
  auth: "user",
  params: CredentialParam,
  body: named<UpdateCredentialBody>(UpdateCredentialBodySchema),
  response: named<Credential>(CredentialSchema),
  errors: ["NOT_FOUND", "DUPLICATE_NAME"],
  beyondDocument: `${source}::update (the credentials page's edit dialog)`,
});

const test = endpoint({
  method: "POST",
  path: "/credentials/{id}/test",
  summary:
    "Test a credential: an OAuth token by its status, an API key with its provider where the server can reach it",
  auth: "user",
  params: CredentialParam,
  response: named<CredentialTest>(CredentialTestSchema),
  errors: ["NOT_FOUND"],
  beyondDocument: `${source}::test (the credentials page's Test button)`,
});

/** The credentials endpoints. */
export const credentials = { list, get, create, update, remove, setDefault, test };
