/**
 * @module
 * How a method's flattened input becomes a request: path parameters fill the template, query names go to
 * the query string, and every other key goes to the body: JSON, a form, or multipart (files as `Blob`s).
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

/** A request body and the content type to label it with (`undefined` for multipart: `fetch` adds the boundary). */
export interface EncodedBody {
  body: string | URLSearchParams | FormData;
  contentType: string | undefined;
}

function bodyFields(route: Route, input: Input): Record<string, unknown> | undefined {
  if (!input || route.method === "GET" || route.method === "DELETE") return undefined;
  let fields: Record<string, unknown> | undefined;
  for (const key in input) {
    if (input[key] === undefined || route.params.includes(key) || route.query.includes(key)) continue;
    fields ??= {};
    fields[key] = input[key];
  }
  return fields;
}

/** A form or multipart field's text: strings as they are, anything else as JSON. */
function fieldText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The body of a call, or `undefined` when nothing is left for it (GET and DELETE never have one). Arrays in a
 * form or multipart body repeat their key; `Blob` and `File` values are multipart files.
 */
export function bodyOf(route: Route, input: Input): EncodedBody | undefined {
  const fields = bodyFields(route, input);
  if (fields === undefined) return undefined;
  if (route.contentType === "multipart") {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v instanceof Blob) form.append(key, v, (v as File).name ?? "blob");
        else if (v !== null && v !== undefined) form.append(key, fieldText(v));
      }
    }
    return { body: form, contentType: undefined };
  }
  if (route.contentType === "form") {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value])
        if (v !== null && v !== undefined) form.append(key, fieldText(v));
    return { body: form, contentType: "application/x-www-form-urlencoded" };
  }
  return { body: JSON.stringify(fields), contentType: "application/json" };
}
