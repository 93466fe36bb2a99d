/**
 * @module
 * An OpenAPI 3.1 document made from a contract with zod 4's JSON Schema output: request bodies as schema
 * input, responses as schema output, each wrapped by the platform's envelope. Entities the contract names
 * (`entity.ts`) become component schemas, referenced wherever they are used.
 */
import { z } from "zod";
import type { Contract, EndpointSpec } from "./endpoint.ts";
import { pathParams } from "./path.ts";

/** What an OpenAPI document needs besides the contract: title, version, server and envelope. */
export interface OpenAPIOptions {
  title: string;
  version: string;
  description?: string;
  /** Server URL the paths are relative to. */
  serverUrl: string;
  /** Wraps a success payload schema (JSON Schema) the way the platform's envelope does for that endpoint. */
  wrapSuccess?: (data: Record<string, unknown>, spec: EndpointSpec) => Record<string, unknown>;
  /** JSON Schema of the platform's error body. */
  errorSchema?: Record<string, unknown>;
  /** HTTP status of each documented error code. */
  errorStatus?: Record<string, number>;
  /**
   * Codes an endpoint may answer without documenting them itself (an unauthenticated caller, invalid input, a
   * rate limit), listed in its responses beside its own.
   */
  implicitErrors?: (spec: EndpointSpec) => readonly string[];
}

/** zod's bounds of an integer with no bounds of its own: the safe integers, which tell a reader nothing. */
const SAFE_INTEGER_BOUNDS = new Set([Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);

/**
 * A schema as the document shows it: without the safe-integer bounds zod gives every `int()` (the bounds a
 * contract states stay) and without `$schema`, which the document states once for all.
 */
function tidied(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidied);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "$schema") continue;
    if ((key === "minimum" || key === "maximum") && SAFE_INTEGER_BOUNDS.has(child as number)) continue;
    out[key] = tidied(child);
  }
  return out;
}

/** A JSON Schema (or OpenAPI) object, as plain JSON. */
export type JsonSchema = Record<string, unknown>;

const DEFS_PREFIX = "#/$defs/";
const COMPONENTS_PREFIX = "#/components/schemas/";

/** `value` with every `$ref` to `#/$defs/<id>` pointing at the component `rename(id)` instead. */
function withComponentRefs(value: unknown, rename: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => withComponentRefs(v, rename));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] =
      key === "$ref" && typeof child === "string" && child.startsWith(DEFS_PREFIX)
        ? COMPONENTS_PREFIX + rename(child.slice(DEFS_PREFIX.length))
        : withComponentRefs(child, rename);
  }
  return out;
}

/**
 * Turns a contract's schemas into JSON Schema, moving the named entities zod puts under `$defs` into shared
 * component schemas. A request that carries an entity whose input differs from its output (a default, a
 * transform) gets the entity's input twin, `<name>.Input`.
 */
class SchemaWriter {
  readonly components: Record<string, JsonSchema> = {};

  write(schema: unknown, io: "input" | "output"): JsonSchema {
    const { $defs, ...root } = jsonSchema(schema, io);
    if (!$defs) return root;
    // An entity is the same component in requests and answers unless its input differs from its output.
    const outputDefs = io === "input" ? (jsonSchema(schema, "output").$defs ?? {}) : $defs;
    const rename = (id: string) =>
      io === "input" && JSON.stringify($defs[id]) !== JSON.stringify(outputDefs[id]) ? `${id}.Input` : id;
    for (const [id, def] of Object.entries($defs)) {
      this.components[rename(id)] ??= withComponentRefs(def, rename) as JsonSchema;
    }
    return withComponentRefs(root, rename) as JsonSchema;
  }
}

/**
 * A contract schema as JSON Schema, as the OpenAPI document shows it: what a client sends (`input`) or receives
 * (`output`), named entities under `$defs`.
 * @example
 * jsonSchema(contract.tasks.create.spec.body, "input").required; // ["title"]
 */
export function jsonSchema(
  schema: unknown,
  io: "input" | "output",
): JsonSchema & { $defs?: Record<string, JsonSchema> } {
  return tidied(z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: "any" })) as JsonSchema;
}

function queryParameters(spec: EndpointSpec, writer: SchemaWriter): JsonSchema[] {
  if (!spec.query) return [];
  const schema = writer.write(spec.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** The OpenAPI 3 document of a contract: one operation per endpoint, schemas from zod. */
export function toOpenAPI(contract: Contract, options: OpenAPIOptions): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const writer = new SchemaWriter();
  const wrap = options.wrapSuccess ?? ((d) => d);
  for (const [resource, endpoints] of Object.entries(contract)) {
    for (const [name, { spec }] of Object.entries(endpoints)) {
      const openPath = spec.path.replace(/\{(\w+)\+\}/g, "{$1}");
      const responses: Record<string, unknown> = {
        [String(spec.status ?? 200)]: {
          description: "Success",
          content: { "application/json": { schema: wrap(writer.write(spec.response, "output"), spec) } },
        },
      };
      for (const code of new Set([...(spec.errors ?? []), ...(options.implicitErrors?.(spec) ?? [])])) {
        const status = String(options.errorStatus?.[code] ?? 400);
        const existing = responses[status] as { description: string } | undefined;
        responses[status] = {
          description: existing ? `${existing.description}, ${code}` : code,
          content: { "application/json": { schema: options.errorSchema ?? {} } },
        };
      }
      const operation: Record<string, unknown> = {
        operationId: `${resource}.${name}`,
        tags: [resource],
        summary: spec.summary,
        ...(spec.note ? { description: spec.note } : {}),
        ...(spec.beyondDocument ? { "x-beyond-document": spec.beyondDocument } : {}),
        parameters: [
          ...pathParams(spec.path).map((p) => ({
            name: p.name,
            in: "path",
            required: true,
            schema: { type: "string" },
          })),
          ...queryParameters(spec, writer),
        ],
        responses,
        ...(spec.auth === "none" ? { security: [] } : {}),
      };
      if (spec.body) {
        operation.requestBody = {
          required: true,
          content: { "application/json": { schema: writer.write(spec.body, "input") } },
        };
      }
      paths[openPath] ??= {};
      paths[openPath][spec.method.toLowerCase()] = operation;
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: options.title,
      version: options.version,
      ...(options.description ? { description: options.description } : {}),
    },
    servers: [{ url: options.serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: writer.components },
    security: [{ bearer: [] }],
    paths,
  };
}
