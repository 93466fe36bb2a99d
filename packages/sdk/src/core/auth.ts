/**
 * @module
 * Auth schemes: how a client puts credentials on a request, and how it renews them after a 401. The HTTP
 * client calls a scheme and knows nothing else of auth, so a platform chooses a bearer token, an API key
 * header, a JWT pair refreshed on expiry, or OAuth client credentials without touching the core.
 *
 * Renewal is single-flight: however many calls get a 401 together, one refresh (or token request) is made and
 * every call waits for it, then repeats once with the new credentials.
 */

/** A secret, or a function that returns the current one (called before every attempt, retries included). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

/** Puts credentials on requests and, when it can, renews them after a 401. */
export interface AuthScheme {
  /**
   * Adds credentials to a request's headers (lower-case names). `requirement` is the endpoint's `auth` name,
   * for schemes that send different credentials to different endpoints.
   */
  apply(headers: Record<string, string>, requirement: string): void | Promise<void>;
  /**
   * Called after a 401: renews the credentials (one renewal for all concurrent callers) and resolves `true` when
   * the call is worth repeating with them, `false` when the session is lost.
   */
  renew?(): Promise<boolean>;
  /** A header that never changes, set without a call or a promise on the fast path. */
  readonly fixed?: { readonly name: string; readonly value: string } | undefined;
}

/** Tokens a refresh gives. */
export interface TokenPair {
  accessToken: string;
  /** A new refresh token, when the platform rotates them; otherwise the old one is kept. */
  refreshToken?: string | undefined;
  /** Seconds until the access token expires, when the platform says; it is then renewed shortly before. */
  expiresIn?: number | undefined;
}

async function read(source: TokenSource | undefined): Promise<string | undefined> {
  return typeof source === "function" ? source() : source;
}

/**
 * `Authorization: Bearer <token>`.
 * @example new ClaudeNest({ baseUrl, auth: bearerAuth(() => store.token) })
 */
export function bearerAuth(token: TokenSource): AuthScheme {
  if (typeof token === "string")
    return {
      fixed: { name: "authorization", value: `Bearer ${token}` },
      apply: (h) => {
        h.authorization = `Bearer ${token}`;
      },
    };
  return {
    async apply(headers) {
      const value = await read(token);
      if (value) headers.authorization = `Bearer ${value}`;
    },
  };
}

/** Options of {@link apiKeyAuth}. */
export interface ApiKeyAuthOptions {
  /** The key, or a function returning it. */
  key: TokenSource;
  /**
   * The header that carries it.
   * @default "x-api-key"
   */
  header?: string;
  /**
   * Text before the key in the header's value.
   * @default ""
   * @example "Bearer "
   */
  prefix?: string;
}

/**
 * An API key in a header of its own (`X-API-Key: ak_...`), or in `Authorization` with a prefix.
 * @example apiKeyAuth({ key: process.env.API_KEY, header: "x-api-key" })
 */
export function apiKeyAuth(options: ApiKeyAuthOptions): AuthScheme {
  const name = (options.header ?? "x-api-key").toLowerCase();
  const prefix = options.prefix ?? "";
  const { key } = options;
  if (typeof key === "string")
    return {
      fixed: { name, value: prefix + key },
      apply: (h) => {
        h[name] = prefix + key;
      },
    };
  return {
    async apply(headers) {
      const value = await read(key);
      if (value) headers[name] = prefix + value;
    },
  };
}

/** Runs `task` once for all callers that ask while it is running. */
function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= task().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/** Options of {@link refreshingAuth}. */
export interface RefreshingAuthOptions {
  /** The access token to start with (after a login); without one, the first call refreshes. */
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
  /** Seconds until `accessToken` expires, when known. */
  expiresIn?: number | undefined;
  /** Exchanges the refresh token for new tokens (the platform's refresh endpoint); throws when it is refused. */
  refresh: (refreshToken: string) => Promise<TokenPair>;
  /** Called once when the tokens can no longer be renewed: the user must sign in again. */
  onAuthLost?: (error: unknown) => void;
  /** Called with every new pair, to store them. */
  onTokens?: (tokens: TokenPair) => void;
  /**
   * Renew this many milliseconds before a known expiry, so a call does not fail first.
   * @default 10000
   */
  skewMs?: number;
  /** The current time in milliseconds. @default Date.now */
  now?: () => number;
}

/** A JWT access token renewed from a refresh token: the scheme and the tokens it holds now. */
export interface RefreshingAuth extends AuthScheme {
  renew(): Promise<boolean>;
  /** Replaces the tokens (after a login). */
  setTokens(tokens: TokenPair & { refreshToken: string | undefined }): void;
  /** Forgets the tokens (after a logout). */
  clear(): void;
  readonly accessToken: string | undefined;
  readonly refreshToken: string | undefined;
}

/**
 * A bearer access token that is refreshed from a refresh token when it expires or a call gets a 401; concurrent
 * calls share one refresh. When the refresh is refused, `onAuthLost` is called and the call fails with the
 * original `AuthenticationError`.
 * @example
 * const auth = refreshingAuth({ refresh: (refreshToken) => client.auth.refresh({ refreshToken }) });
 */
export function refreshingAuth(options: RefreshingAuthOptions): RefreshingAuth {
  const now = options.now ?? Date.now;
  const skew = options.skewMs ?? 10_000;
  let access = options.accessToken;
  let refreshToken = options.refreshToken;
  let expiresAt = options.expiresIn === undefined ? undefined : now() + options.expiresIn * 1000;
  let lost = false;

  const set = (tokens: TokenPair) => {
    access = tokens.accessToken;
    if (tokens.refreshToken) refreshToken = tokens.refreshToken;
    expiresAt = tokens.expiresIn === undefined ? undefined : now() + tokens.expiresIn * 1000;
    lost = false;
  };
  const renew = singleFlight(async () => {
    if (!refreshToken) return false;
    try {
      const tokens = await options.refresh(refreshToken);
      set(tokens);
      options.onTokens?.({ ...tokens, refreshToken });
      return true;
    } catch (error) {
      access = undefined;
      expiresAt = undefined;
      if (!lost) {
        lost = true;
        options.onAuthLost?.(error);
      }
      return false;
    }
  });

  return {
    async apply(headers) {
      const stale = access === undefined || (expiresAt !== undefined && now() >= expiresAt - skew);
      if (stale && refreshToken && !lost) await renew();
      if (access) headers.authorization = `Bearer ${access}`;
    },
    renew,
    setTokens: (tokens) => {
      set(tokens);
      refreshToken = tokens.refreshToken;
    },
    clear() {
      access = refreshToken = expiresAt = undefined;
    },
    get accessToken() {
      return access;
    },
    get refreshToken() {
      return refreshToken;
    },
  };
}

/** Options of {@link clientCredentialsAuth}. */
export interface ClientCredentialsOptions {
  /** The OAuth token endpoint. @example "https://api.example.com/oauth/token" */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for. */
  scope?: string;
  /** @default globalThis.fetch */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Renew this many milliseconds before expiry. @default 10000 */
  skewMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): a token is asked for with the client's id and secret, sent as a
 * bearer token, and asked for again shortly before it expires or after a 401.
 */
export function clientCredentialsAuth(options: ClientCredentialsOptions): AuthScheme {
  const now = options.now ?? Date.now;
  const skew = options.skewMs ?? 10_000;
  const fetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  let access: string | undefined;
  let expiresAt: number | undefined;

  const obtain = singleFlight(async () => {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    if (options.scope) form.set("scope", options.scope);
    const response = await fetch(options.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form,
    });
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    // Some platforms wrap the standard answer in their envelope (`{success, data: {access_token}}`).
    const token = (body?.access_token ?? (body?.data as Record<string, unknown> | undefined)?.access_token) as unknown;
    const expiresIn = (body?.expires_in ?? (body?.data as Record<string, unknown> | undefined)?.expires_in) as unknown;
    if (!response.ok || typeof token !== "string") {
      access = undefined;
      return false;
    }
    access = token;
    expiresAt = typeof expiresIn === "number" ? now() + expiresIn * 1000 : undefined;
    return true;
  });

  return {
    async apply(headers) {
      if (access === undefined || (expiresAt !== undefined && now() >= expiresAt - skew)) await obtain();
      if (access) headers.authorization = `Bearer ${access}`;
    },
    renew: () => {
      access = undefined;
      return obtain();
    },
  };
}
