/**
 * @module
 * §2 OAuth 2.0 client credentials: the credentials from the form body or, as the document shows, the query
 * string; only Enterprise accounts may use OAuth.
 */
import { Failure } from "../../../core/failure.ts";
import { OAUTH_TOKEN_TTL_S } from "../state/accounts.ts";
import type { CCJKHandlers } from "./types.ts";

export const oauth: CCJKHandlers<"oauth"> = {
  token({ query, body }, { services, fail }) {
    const grantType = body.grant_type ?? query.grant_type;
    const clientId = body.client_id ?? query.client_id;
    const clientSecret = body.client_secret ?? query.client_secret;
    const errors: Record<string, string[]> = {};
    if (grantType === undefined) errors.grant_type = ["The grant_type field is required."];
    else if (grantType !== "client_credentials")
      errors.grant_type = ["Only the client_credentials grant is supported."];
    if (!clientId) errors.client_id = ["The client_id field is required."];
    if (!clientSecret) errors.client_secret = ["The client_secret field is required."];
    if (Object.keys(errors).length > 0) fail("VALIDATION_ERROR", "Invalid token request.", errors);
    const account = services.accounts.clientAccount(clientId!, clientSecret!);
    if (!account) throw new Failure("AUTH_INVALID", "Invalid client credentials.");
    if (account.plan !== "enterprise") fail("AUTH_INSUFFICIENT", "OAuth is available on the Enterprise plan.");
    const scope = body.scope;
    const token = services.accounts.issueOAuthToken(clientId!, account.accountId, scope);
    return {
      access_token: token,
      token_type: "Bearer" as const,
      expires_in: OAUTH_TOKEN_TTL_S,
      ...(scope ? { scope } : {}),
    };
  },
};
