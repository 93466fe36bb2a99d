/**
 * @module
 * Test harness: a small proxy in front of a server's `fetch` that mutates chosen answers (a removed key, a renamed
 * enum value, another envelope, a 500) and records every request. Any request that is not a read and not a login
 * is refused and kept in `writes`, so a test can prove the check sent none.
 */

/** What a mutation may change of an answer: its status, its JSON body, its headers. */
export interface MutatedAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One mutation: the answers it applies to, and what it does to each. */
export interface Mutation {
  /** The request's path ends with this (after the base), or matches this pattern. */
  path: string | RegExp;
  /** Changes the answer; gets the parsed JSON body (or the text) and the status. */
  mutate: (body: unknown, status: number) => MutatedAnswer;
  /** Applies only this many times. @default every time */
  times?: number;
}

/** A request as the proxy saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
}

/** The proxy: its `fetch`, what it saw, and the writes it refused. */
export interface MutatingProxy {
  fetch: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  requests: SeenRequest[];
  writes: SeenRequest[];
}

/** Whether a request is a login: a POST to a path ending in `/login`. */
const isLogin = (method: string, path: string) => method === "POST" && /\/login$/.test(path);

function matches(rule: Mutation, path: string): boolean {
  return typeof rule.path === "string" ? path.endsWith(rule.path) : rule.path.test(path);
}

/** Puts a proxy in front of `target`; `allowWrites` lets writes through (still recorded in `writes`). */
export function mutatingProxy(
  target: (input: Request | URL | string, init?: RequestInit) => Promise<Response>,
  mutations: Mutation[] = [],
  options: { allowWrites?: boolean } = {},
): MutatingProxy {
  const requests: SeenRequest[] = [];
  const writes: SeenRequest[] = [];
  const used = new Map<Mutation, number>();
  return {
    requests,
    writes,
    async fetch(input, init) {
      const request = new Request(input, init);
      const { pathname } = new URL(request.url);
      const seen = { method: request.method, path: pathname, headers: request.headers };
      requests.push(seen);
      if (request.method !== "GET" && request.method !== "HEAD" && !isLogin(request.method, pathname)) {
        writes.push(seen);
        if (!options.allowWrites) return Response.json({ error: "the proxy refuses writes" }, { status: 405 });
      }
      const response = await target(request);
      const rule = mutations.find((m) => matches(m, pathname) && (used.get(m) ?? 0) < (m.times ?? Infinity));
      if (!rule) return response;
      used.set(rule, (used.get(rule) ?? 0) + 1);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      const changed = rule.mutate(body, response.status);
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(changed.headers ?? {})) headers.set(name, value);
      headers.delete("content-length");
      const out = changed.body === undefined ? body : changed.body;
      return new Response(typeof out === "string" ? out : JSON.stringify(out), {
        status: changed.status ?? response.status,
        headers,
      });
    },
  };
}
