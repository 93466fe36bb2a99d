/**
 * @module
 * A platform's envelope in the OpenAPI document, derived from the platform's own encoder rather than written a
 * second time: a sample success (with a page, for lists) and a sample error are encoded, and their shapes become
 * JSON Schema, the data's place taken by the endpoint's schema. What the document shows is then what the server
 * sends, for every platform, and cannot drift from it.
 */
import type { EndpointSpec } from "@agentlane/sdk/contract";
import type { ServerEnvelope, SuccessMeta } from "../platform.ts";

type JsonSchema = Record<string, unknown>;

/** `{ field: [messages] }` for any field. */
const FIELD_ERRORS: JsonSchema = { type: "object", additionalProperties: { type: "array", items: { type: "string" } } };

const SAMPLE_META = { requestId: "req_01J8Z3Q4W5E6R7T8Y9U0I1O2P3", timestamp: "2026-01-01T00:00:00.000Z" };

/** The JSON Schema of a sample value; wherever `placeholder` sits (by identity), `replacement` instead. */
export function schemaOfSample(value: unknown, placeholder?: unknown, replacement?: JsonSchema): JsonSchema {
  if (placeholder !== undefined && value === placeholder) return replacement ?? {};
  if (value === null) return { type: "null" };
  if (Array.isArray(value))
    return { type: "array", items: value.length > 0 ? schemaOfSample(value[0], placeholder, replacement) : {} };
  switch (typeof value) {
    case "string":
      return { type: "string" };
    case "boolean":
      return { type: "boolean", const: value };
    case "number":
      return { type: Number.isInteger(value) ? "integer" : "number" };
    case "object": {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      return {
        type: "object",
        properties: Object.fromEntries(entries.map(([k, v]) => [k, schemaOfSample(v, placeholder, replacement)])),
        required: entries.map(([k]) => k),
      };
    }
    default:
      return {};
  }
}

/** The envelope's error body as a schema, with an example of a validation failure. */
export function errorEnvelopeSchema(envelope: ServerEnvelope): JsonSchema {
  const code = envelope.codes.validation;
  const fieldErrors = { field: ["The field is required."] };
  const sample = envelope.failure(code, envelope.messageOf(code), fieldErrors, SAMPLE_META);
  const withoutFields = envelope.failure(code, envelope.messageOf(code), undefined, SAMPLE_META);
  // Field errors sent as given are a map of any field to its messages.
  const schema = schemaOfSample(sample, fieldErrors, FIELD_ERRORS);
  // Field errors come with validation failures only: what the sample without them lacks is optional.
  const required = new Set(requiredPaths(schemaOfSample(withoutFields)));
  return { ...dropRequired(schema, required), description: "The platform's error envelope", example: sample };
}

function requiredPaths(schema: JsonSchema, prefix = ""): string[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([k, v]) => [`${prefix}${k}`, ...requiredPaths(v, `${prefix}${k}.`)]);
}

function dropRequired(schema: JsonSchema, keep: Set<string>, prefix = ""): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return schema;
  return {
    ...schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [k, dropRequired(v, keep, `${prefix}${k}.`)]),
    ),
    required: (schema.required as string[]).filter((k) => keep.has(`${prefix}${k}`)),
  };
}

/**
 * The schema of an endpoint's success body: the envelope around `data`, with the envelope's pagination for a list
 * whose items are `data` itself. A list under a named key is described whole by the contract's schema (the items
 * and what sits beside them), so it is wrapped like any other answer. An envelope that does not carry `data` as
 * given (none of the platforms, today) gets `data` alone.
 */
export function successEnvelopeSchema(envelope: ServerEnvelope, data: JsonSchema, spec: EndpointSpec): JsonSchema {
  const listOfItems = spec.paginated === true && spec.items === undefined;
  const placeholder = listOfItems ? [] : {};
  const meta: SuccessMeta = listOfItems
    ? { ...SAMPLE_META, page: { page: 1, perPage: 15, total: 1 }, query: {}, path: spec.path }
    : SAMPLE_META;
  const schema = schemaOfSample(envelope.success(placeholder, meta), placeholder, data);
  return JSON.stringify(schema).includes(JSON.stringify(data)) ? schema : data;
}
