/**
 * @module
 * Malformed requests for any contract endpoint, derived from one well-formed sample of it: junk path
 * parameters, junk and repeated query values, unreadable bodies, every value of the sample's body replaced by
 * values of the wrong type, size or shape, required values left out, unknown and prototype-polluting fields,
 * and deeply nested JSON. The cases are fixed (no randomness), so a failure names a case that reproduces.
 */
import type { EndpointSpec } from "@agentlane/sdk/contract";

/** A well-formed request to an endpoint: what each malformed case starts from. */
export interface EndpointSample {
  /** Path parameters, unencoded. */
  params: Record<string, string>;
  /** Query parameters the endpoint needs to be reached at all (a required search term, say). */
  query?: Record<string, string>;
  /** A body that passes validation; required when the endpoint takes one. */
  body?: Record<string, unknown>;
}

export interface MalformedCase {
  /** What was malformed, e.g. `body.files.0 = number -1`. */
  label: string;
  method: string;
  /** Path and query, below the platform's root, encoded as sent. */
  url: string;
  /** Raw body text; absent means no body at all. */
  body?: string;
  contentType?: string;
}

/** JSON nested this deep makes any recursive walk of it (JSON.stringify, say) overflow the stack. */
export const DEEP_NESTING = 50_000;
export const deepArray = (depth = DEEP_NESTING): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;
export const deepObject = (depth = DEEP_NESTING): string => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

/** 200 KB: far beyond any string limit of a field, well within a 1 MB body. */
const LONG = "a".repeat(200 * 1024);

/** Values of the wrong type, size or shape, each with a label; `raw` values are JSON text spliced in as is. */
export const WRONG_VALUES: ReadonlyArray<{ label: string; value?: unknown; raw?: string }> = [
  { label: 'string "x"', value: "x" },
  { label: "empty string", value: "" },
  { label: 'numeric string "12"', value: "12" },
  { label: "number 0", value: 0 },
  { label: "number -1", value: -1 },
  { label: "float 1.5", value: 1.5 },
  { label: "number 2^53+2", value: 2 ** 53 + 2 },
  { label: "number 1e308", value: 1e308 },
  { label: "number -1e308", value: -1e308 },
  { label: "true", value: true },
  { label: "false", value: false },
  { label: "null", value: null },
  { label: "empty array", value: [] },
  { label: "empty object", value: {} },
  { label: "mixed array", value: ["a", 1, null, {}] },
  { label: "nested object", value: { a: { b: [1, { c: "d" }] } } },
  { label: "200 KB string", value: LONG },
  { label: "NUL byte string", value: "a\u0000b" },
  { label: "unicode string", value: "é😀\u202e\ufeff\u200bZ\u0301" },
  { label: "lone surrogate", value: "\ud800x" },
  { label: "array of 200 KB string", value: [LONG] },
  { label: "deep array", raw: deepArray() },
  { label: "deep object", raw: deepObject() },
];

/** Junk for a path parameter, already percent-encoded as it is sent. */
export const JUNK_PARAMS: readonly string[] = [
  "x",
  "00000000-0000-0000-0000-000000000000",
  "%00",
  "a%00b",
  "%F0%9F%98%80%E2%80%AE",
  "%FF%FE",
  "%",
  "%25",
  "..",
  "%2e%2e%2f%2e%2e",
  "..%2F..%2Fetc%2Fpasswd",
  "%20",
  "a".repeat(8 * 1024),
  "1e309",
  "-1",
];

/** Junk for a query parameter, already percent-encoded; each is also sent twice and as `key[]`. */
export const JUNK_QUERY: readonly string[] = [
  "",
  "abc",
  "-1",
  "0",
  "1.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "99999999999999999999",
  "9007199254740991",
  "%2B5",
  "0x10",
  "%20%2012",
  "%00",
  "%F0%9F%98%80",
  "%",
  "a".repeat(8 * 1024),
];

type Path = readonly (string | number)[];

/** Every position of a JSON value, depth first, down to `depth` levels (objects, arrays and leaves). */
function positions(value: unknown, depth: number, at: Path = []): Path[] {
  if (depth === 0 || typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, v]) => [[...at, key], ...positions(v, depth - 1, [...at, key])]);
}

const PLACEHOLDER = "\u0000__raw__\u0000";

/** `value` with the position `at` replaced (or removed, for `remove`), as JSON text; `raw` is spliced in unparsed. */
function replaced(value: unknown, at: Path, replacement: { value?: unknown; raw?: string; remove?: true }): string {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (replacement.remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement.raw === undefined ? replacement.value : PLACEHOLDER;
  const text = JSON.stringify(copy);
  return replacement.raw === undefined ? text : text.replace(JSON.stringify(PLACEHOLDER), replacement.raw);
}

/** A JSON object's text with `fields` (JSON members) put first. */
function prepend(json: string, fields: string): string {
  return json === "{}" ? `{${fields}}` : `{${fields},${json.slice(1)}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\+?\}/g, (_, name: string) => values[name] ?? "");
}

function encodedQuery(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text ? `?${text}` : "";
}

function queryKeys(spec: EndpointSpec): string[] {
  const shape = (spec.query as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return Object.keys(shape ?? {});
}

/** The sample's path parameters, encoded as sent. */
function encodedParams(sample: EndpointSample): Record<string, string> {
  return Object.fromEntries(Object.entries(sample.params).map(([k, v]) => [k, encodeURIComponent(v)]));
}

/** The sample itself as a request: what every malformed case departs from. */
export function wellFormedCase(spec: EndpointSpec, sample: EndpointSample): MalformedCase {
  const url = fill(spec.path, encodedParams(sample)) + encodedQuery(sample.query ?? {});
  return sample.body === undefined
    ? { label: "well-formed", method: spec.method, url }
    : {
        label: "well-formed",
        method: spec.method,
        url,
        body: JSON.stringify(sample.body),
        contentType: "application/json",
      };
}

/** Every malformed case of one endpoint, in a fixed order. */
export function malformedCases(spec: EndpointSpec, sample: EndpointSample): MalformedCase[] {
  const cases: MalformedCase[] = [];
  const wellFormed = wellFormedCase(spec, sample);
  const encoded = encodedParams(sample);
  const path = fill(spec.path, encoded);
  const baseQuery = sample.query ?? {};
  const query = encodedQuery(baseQuery);
  const json = wellFormed.body;
  const takesBody = spec.body !== undefined;
  /** The well-formed request (its body included) at another URL. */
  const withBody = (label: string, url: string): MalformedCase => ({ ...wellFormed, label, url });

  for (const name of Object.keys(sample.params)) {
    for (const junk of JUNK_PARAMS) {
      const url = fill(spec.path, { ...encoded, [name]: junk }) + query;
      cases.push(withBody(`path ${name} = ${junk.slice(0, 40)}`, url));
    }
  }

  const keys = queryKeys(spec);
  for (const key of keys) {
    const rest = encodedQuery(Object.fromEntries(Object.entries(baseQuery).filter(([k]) => k !== key)));
    const join = rest ? `${rest}&` : "?";
    for (const junk of JUNK_QUERY) {
      cases.push(withBody(`query ${key} = ${junk.slice(0, 40)}`, `${path}${join}${key}=${junk}`));
    }
    cases.push(withBody(`query ${key} repeated`, `${path}${join}${key}=1&${key}=2`));
    cases.push(withBody(`query ${key}[]`, `${path}${join}${key}[]=1`));
    if (key in baseQuery) cases.push(withBody(`query ${key} missing`, `${path}${rest}`));
  }
  cases.push(withBody("unknown query parameter", `${path}${query ? `${query}&` : "?"}unknown_param=1&per_page=-1`));

  const url = wellFormed.url;
  if (!takesBody) {
    if (spec.method !== "GET") {
      cases.push({
        label: "unexpected body",
        method: spec.method,
        url,
        body: '{"unexpected":1}',
        contentType: "application/json",
      });
      cases.push({
        label: "unexpected invalid JSON",
        method: spec.method,
        url,
        body: "{",
        contentType: "application/json",
      });
      cases.push({
        label: "unexpected deep body",
        method: spec.method,
        url,
        body: deepArray(),
        contentType: "application/json",
      });
    }
    return cases;
  }
  if (sample.body === undefined) throw new Error(`${spec.method} ${spec.path} takes a body: give a sample body`);

  const raw = (label: string, body: string | undefined, contentType = "application/json") =>
    cases.push(
      body === undefined ? { label, method: spec.method, url } : { label, method: spec.method, url, body, contentType },
    );
  raw("no body", undefined);
  raw("empty body", "");
  raw("whitespace body", " \n\t ");
  for (const literal of ["null", "[]", '"text"', "1", "true", "[{}]"]) raw(`body ${literal}`, literal);
  raw("invalid JSON", "{");
  raw("truncated JSON", `${json!.slice(0, -1)}`);
  raw("NUL byte body", "\u0000");
  raw("duplicate keys", prepend(json!, '"__dup":1,"__dup":2'));
  raw("text/plain body", json, "text/plain");
  raw("form body", "a=1&b=2", "application/x-www-form-urlencoded");
  raw("vendor JSON type", json, "application/vnd.api+json");
  raw("deep body", deepArray());
  raw("unknown fields", JSON.stringify({ ...sample.body, unknown_field: "x", another: { nested: [1] } }));
  raw("__proto__ field", prepend(json!, '"__proto__":{"polluted":true}'));
  raw("constructor field", prepend(json!, '"constructor":{"prototype":{"polluted":true}}'));
  raw("deep unknown field", prepend(json!, `"deep_unknown":${deepObject()}`));

  for (const at of positions(sample.body, 3)) {
    const where = `body.${at.join(".")}`;
    raw(`${where} missing`, replaced(sample.body, at, { remove: true }));
    for (const wrong of WRONG_VALUES) raw(`${where} = ${wrong.label}`, replaced(sample.body, at, wrong));
  }
  return cases;
}

/** One endpoint of a contract, named `resource.method`, as the sweeps walk them. */
export interface SweepEntry {
  id: string;
  resource: string;
  spec: EndpointSpec;
}

/** Every endpoint of a contract, in declaration order. */
export function contractEntries(contract: Record<string, Record<string, { spec: unknown }>>): SweepEntry[] {
  return Object.entries(contract).flatMap(([resource, group]) =>
    Object.entries(group).map(([name, { spec }]) => ({
      id: `${resource}.${name}`,
      resource,
      spec: spec as EndpointSpec,
    })),
  );
}

/**
 * The row count of every table `keep` selects, as one string: equal before and after a refused request when it
 * wrote nothing.
 */
export function tableRowCounts(
  db: { all<T>(sql: string, ...args: unknown[]): T[] },
  keep: (table: string) => boolean,
): string {
  const tables = db
    .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .map((t) => t.name)
    .filter(keep);
  if (tables.length === 0) return "[]";
  return JSON.stringify(db.all(tables.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(" UNION ALL ")));
}
