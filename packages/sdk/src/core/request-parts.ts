/**
 * @module
 * How a method's flattened input becomes a request: path parameters fill the template, query names go to
 * the query string, and every other key goes to the JSON body.
 */
import { fillPath } from "../contract/path.ts";
import type { Route } from "../contract/routes.ts";

export type Input = Record<string, unknown> | undefined;

function appendQuery(url: string, route: Route, input: Input): string {
  if (!input || route.query.length === 0) return url;
  const search = new URLSearchParams();
  for (const key of route.query) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}

/** The absolute URL of a call; throws a `TypeError` for a missing, `.` or `..` path parameter. */
export function urlOf(baseUrl: string, route: Route, input: Input): string {
  const path = route.params.length === 0 ? route.path : fillPath(route.path, input ?? {});
  return appendQuery(baseUrl + path, route, input);
}

/** The JSON body of a call, or `undefined` when nothing is left for it (GET and DELETE never have one). */
export function bodyOf(route: Route, input: Input): string | undefined {
  if (!input || route.method === "GET" || route.method === "DELETE") return undefined;
  let body: Record<string, unknown> | undefined;
  for (const key in input) {
    if (input[key] === undefined || route.params.includes(key) || route.query.includes(key)) continue;
    body ??= {};
    body[key] = input[key];
  }
  return body === undefined ? undefined : JSON.stringify(body);
}
