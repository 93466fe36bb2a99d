/**
 * @module
 * A platform's pagination objects in the OpenAPI document: what its envelope adds to an answer when the answer is
 * a page of a list (`meta.pagination`, or `pagination` and `links` beside `data`), found by encoding a list and a
 * plain answer with the platform's own encoder and comparing them. Each becomes one named component schema with
 * the first page as its example, referenced by every list. Its schema joins a first and a last page, so that
 * neither page's values (`hasNext: true`, `next: null`) pass for the only ones possible.
 */

import type { ServerEnvelope } from "../platform.ts";
import { schemaOfSample } from "./openapi-envelope.ts";

type JsonSchema = Record<string, unknown>;

/** One pagination object of an envelope: where it sits, its component name, schema and example. */
export interface PaginationComponent {
  /** Keys from the body down to the object: `["meta", "pagination"]`. */
  readonly path: readonly string[];
  /** `Pagination` for a key named so, `Page<Key>` for others (`PageLinks`). */
  readonly name: string;
  readonly schema: JsonSchema;
  readonly example: unknown;
}

const META = { requestId: "req_01J8Z3Q4W5E6R7T8Y9U0I1O2P3", timestamp: "2026-01-01T00:00:00.000Z" };
/** 150 items, 20 a page: the first and last of 8 pages, the numbers the documents' samples show. */
const FIRST_PAGE = { page: 1, perPage: 20, total: 150 };
const LAST_PAGE = { page: 8, perPage: 20, total: 150 };

function listBody(envelope: ServerEnvelope, page: typeof FIRST_PAGE): unknown {
  return envelope.success([], { ...META, page, query: { page: page.page, limit: page.perPage }, path: "/items" });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A schema admitting what either of two sample schemas admits: values pinned by one sample (`const`) come free. */
function joined(a: JsonSchema, b: JsonSchema): JsonSchema {
  if (a.type === "object" && b.type === "object") {
    const pa = a.properties as Record<string, JsonSchema>;
    const pb = b.properties as Record<string, JsonSchema>;
    const keys = Object.keys(pa).filter((k) => k in pb);
    return {
      type: "object",
      properties: Object.fromEntries(keys.map((k) => [k, joined(pa[k]!, pb[k]!)])),
      required: keys,
    };
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  const types = [...new Set([a.type, b.type].flat())].filter((t) => typeof t === "string");
  return { type: types.length === 1 ? types[0] : types };
}

/** The objects a list's envelope carries that a plain answer's does not, with where they sit. */
export function paginationComponents(envelope: ServerEnvelope): PaginationComponent[] {
  const plain = envelope.success({}, META);
  const first = listBody(envelope, FIRST_PAGE);
  const last = listBody(envelope, LAST_PAGE);
  const found: PaginationComponent[] = [];
  const visit = (p: unknown, f: unknown, l: unknown, path: string[]) => {
    if (!isObject(f) || !isObject(l)) return;
    for (const [key, value] of Object.entries(f)) {
      if (key === "data" || !isObject(value)) continue;
      if (isObject(p) && key in p) visit(p[key], value, l[key], [...path, key]);
      else {
        const name = key === "pagination" ? "Pagination" : `Page${key[0]!.toUpperCase()}${key.slice(1)}`;
        const schema = joined(schemaOfSample(value), schemaOfSample(l[key]));
        found.push({ path: [...path, key], name, schema, example: value });
      }
    }
  };
  visit(plain, first, last, []);
  return found;
}

/** An envelope schema with each pagination object replaced by a reference to its component (`ref(name)`). */
export function withPaginationRefs(
  schema: JsonSchema,
  components: readonly PaginationComponent[],
  ref: (name: string) => string,
): JsonSchema {
  let out = schema;
  for (const { path, name } of components) out = replaced(out, path, { $ref: ref(name) });
  return out;
}

function replaced(schema: JsonSchema, path: readonly string[], by: JsonSchema): JsonSchema {
  const [key, ...rest] = path;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (key === undefined) return by;
  if (!properties?.[key]) return schema;
  return { ...schema, properties: { ...properties, [key]: replaced(properties[key], rest, by) } };
}
