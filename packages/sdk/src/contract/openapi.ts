/**
 * @module
 * An OpenAPI 3.1 document made from a contract with zod 4's JSON Schema output: request bodies as schema
 * input, responses as schema output, each wrapped by the platform's envelope.
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
  /** Wraps a success payload schema (JSON Schema) the way the platform's envelope does. */
  wrapSuccess?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** JSON Schema of the platform's error body. */
  errorSchema?: Record<string, unknown>;
  /** HTTP status of each documented error code. */
  errorStatus?: Record<string, number>;
}

type JsonSchema = Record<string, unknown>;

function toSchema(schema: unknown, io: "input" | "output"): JsonSchema {
  return z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: "any" }) as JsonSchema;
}

function queryParameters(spec: EndpointSpec): JsonSchema[] {
  if (!spec.query) return [];
  const schema = toSchema(spec.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
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
  const wrap = options.wrapSuccess ?? ((d) => d);
  for (const [resource, endpoints] of Object.entries(contract)) {
    for (const [name, { spec }] of Object.entries(endpoints)) {
      const openPath = spec.path.replace(/\{(\w+)\+\}/g, "{$1}");
      const responses: Record<string, unknown> = {
        [String(spec.status ?? 200)]: {
          description: "Success",
          content: { "application/json": { schema: wrap(toSchema(spec.response, "output")) } },
        },
      };
      for (const code of spec.errors ?? []) {
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
          ...queryParameters(spec),
        ],
        responses,
        ...(spec.auth === "none" ? { security: [] } : {}),
      };
      if (spec.body) {
        operation.requestBody = {
          required: true,
          content: { "application/json": { schema: toSchema(spec.body, "input") } },
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
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths,
  };
}
