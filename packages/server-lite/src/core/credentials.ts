/**
 * @module
 * A request's credentials as a platform's auth scheme may look for them: any header (a bearer token, an
 * `X-API-Key`), a query parameter (browsers' WebSockets cannot send headers), a cookie, and the caller's address.
 * The core reads nothing else of auth: the platform decides what counts.
 */

/** Where a request's credentials may be. */
export interface Credentials {
  /** A request header, by case-insensitive name. */
  header(name: string): string | undefined;
  /** A query parameter. */
  query(name: string): string | undefined;
  /** A cookie. */
  cookie(name: string): string | undefined;
  /** The `Authorization: Bearer` token, when there is one. */
  readonly bearer: string | undefined;
  /** The caller's address (`in-process` for requests that never crossed a socket). */
  readonly address: string;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerOf(authorization: string | undefined | null): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization);
  return match?.[1]?.trim();
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** Credentials read lazily from a request's headers and URL. */
export function credentialsOf(
  getHeader: (name: string) => string | undefined | null,
  url: string,
  address: string,
): Credentials {
  let search: URLSearchParams | undefined;
  let cookies: Map<string, string> | undefined;
  return {
    header: (name) => getHeader(name) ?? undefined,
    query: (name) => {
      search ??= new URL(url, "http://localhost").searchParams;
      return search.get(name) ?? undefined;
    },
    cookie: (name) => {
      cookies ??= parseCookies(getHeader("cookie") ?? undefined);
      return cookies.get(name);
    },
    bearer: bearerOf(getHeader("authorization")),
    address,
  };
}

/** The caller's address: the socket's remote address, or `in-process` for requests that never crossed one. */
export function addressOf(c: { env: unknown }): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "in-process";
}
