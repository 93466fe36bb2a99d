/**
 * @module
 * §2 OAuth 2.0 (Enterprise): the client-credentials grant. An enterprise's OAuth client trades its id and secret
 * for a bearer token that works like an API key of the same account.
 *
 * Choices where the document is vague:
 * - The document puts the credentials in the query string; RFC 6749 puts them in a form body. Both are taken
 *   (a body field wins over the same query field), so `clientCredentialsAuth` (form) and the document's call
 *   (query) both work. The SDK's `oauth.token()` sends them as the document shows.
 * - Its base is ambiguous (`/oauth/token` beside a base URL ending in `/api/v1`): server-lite answers it at
 *   `/api/v1/oauth/token` and at the host root's `/oauth/token`.
 * - OAuth is for Enterprise accounts: right credentials of another plan's client are `AUTH_INSUFFICIENT`.
 * - The answer is RFC 6749's `{access_token, token_type, expires_in}` inside the usual `{success, data}`;
 *   tokens live one hour. Bad client credentials are `AUTH_INVALID`, another grant type `VALIDATION_ERROR`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";

const TokenFields = {
  /** Only `client_credentials` is supported. */
  grant_type: z.string().max(100).optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(500).optional(),
};

/** The zod schema of {@link TokenQuery}. */
export const TokenQuerySchema = z.object(TokenFields);
/** The client credentials, as the document sends them (query string). */
export interface TokenQuery extends z.output<typeof TokenQuerySchema> {}

/** The zod schema of {@link TokenForm}. */
export const TokenFormSchema = z.object({ ...TokenFields, scope: z.string().max(500).optional() });
/** The client credentials, as RFC 6749 sends them (a form body). */
export interface TokenForm extends z.output<typeof TokenFormSchema> {}

/** The zod schema of {@link AccessToken}. */
export const AccessTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  /** Seconds until the token expires. */
  expires_in: z.number().int(),
  scope: z.string().optional(),
});
/** A bearer token for the OAuth client's account. */
export interface AccessToken extends z.output<typeof AccessTokenSchema> {}

const token = endpoint({
  method: "POST",
  path: "/oauth/token",
  section: "§2 OAuth 2.0 (Enterprise)",
  summary: "Trade an OAuth client's id and secret for a bearer token (client-credentials grant)",
  auth: "none",
  query: TokenQuerySchema,
  body: TokenFormSchema,
  contentType: "form",
  response: named<AccessToken>(AccessTokenSchema),
  errors: ["AUTH_INVALID", "AUTH_INSUFFICIENT", "VALIDATION_ERROR"],
  rateLimit: "oauth",
});

/** The OAuth endpoint. */
export const oauth = { token };
