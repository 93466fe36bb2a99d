/**
 * @module
 * Reading the kind of {@link Credentials} an adapter needs: most platforms take a token, some also OAuth client
 * credentials. An adapter given a kind it cannot use fails with a message naming the platform, before any request.
 */
import type { ClientCredentials, Credentials, TokenCredentials } from "./types.ts";

/** True for OAuth client credentials. */
export function isClientCredentials(credentials: Credentials): credentials is ClientCredentials {
  return "clientId" in credentials && typeof credentials.clientId === "string";
}

/**
 * The token credentials, for platforms that sign in only with a token.
 * @example const { token } = tokenCredentials(credentials, "ClaudeNest");
 */
export function tokenCredentials(credentials: Credentials, platform: string): TokenCredentials {
  if (isClientCredentials(credentials))
    throw new Error(`${platform} signs in with a token, not with OAuth client credentials`);
  return credentials;
}
