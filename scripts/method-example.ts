/**
 * @module
 * The `@example` of each generated SDK method: a call with the endpoint's path parameters, its required query
 * parameters, its request body (the document's own example where the contract gives one, else its required fields) and what to do with the answer
 * (await it, or iterate a list's pages or a stream's events). Hovers and the API reference show it.
 */
import type { EndpointSpec } from "../packages/sdk/src/contract/endpoint.ts";
import { exampleOf } from "../packages/sdk/src/contract/entity.ts";
import { jsonSchema } from "../packages/sdk/src/contract/openapi.ts";
import { pathParams } from "../packages/sdk/src/contract/path.ts";
import type { AnySchema } from "../packages/sdk/src/contract/schema.ts";

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** Source code the example writes as it is, not as JSON (a file to upload). */
const FILE = "__FILE__";

/** A value of a JSON Schema type, standing in for a field the example must fill. */
function placeholder(name: string, schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  // A file field has no JSON Schema type: a Blob or File is sent as a file.
  if (schema.type === undefined && !schema.properties) return FILE;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  if (type === "object") return requiredFields(schema);
  return `<${name}>`;
}

/**
 * An object with a placeholder for each required field of an object schema; of a union of shapes (a body the
 * document and a platform's own client send differently), the first shape's, which is the document's.
 */
function requiredFields(schema: JsonSchema): Record<string, unknown> {
  const first = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (first) return requiredFields(first);
  return Object.fromEntries(
    (schema.required ?? []).map((key) => [key, placeholder(key, schema.properties?.[key] ?? {})]),
  );
}

/** The body the example sends: the contract's example of it, or its required fields. */
function bodyOf(body: AnySchema): Record<string, unknown> {
  const given = exampleOf(body);
  if (given && typeof given === "object") return given as Record<string, unknown>;
  return requiredFields(jsonSchema(body, "input") as JsonSchema);
}

/** A value as TypeScript source: JSON with identifier keys unquoted. */
function literal(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, " ")
    .replace(/"([A-Za-z_$][\w$]*)":/g, "$1:")
    .replace(/\[ /g, "[")
    .replace(/ \]/g, "]")
    .replaceAll(`"${FILE}"`, 'new File(["hello"], "hello.txt")');
}

/** The lines of an endpoint method's `@example` (a fenced TypeScript block), for `client.<resource>.<name>`. */
export function methodExample(resource: string, name: string, spec: EndpointSpec): string[] {
  const input: Record<string, unknown> = Object.fromEntries(pathParams(spec.path).map((p) => [p.name, `<${p.name}>`]));
  if (spec.query) Object.assign(input, requiredFields(jsonSchema(spec.query, "input") as JsonSchema));
  if (spec.body) Object.assign(input, bodyOf(spec.body));
  const call = `client.${resource}.${name}(${Object.keys(input).length > 0 ? literal(input) : ""})`;
  const use = spec.paginated
    ? [`for await (const item of ${call}) {`, "  console.log(item);", "}"]
    : spec.stream
      ? [`for await (const event of ${call}) {`, "  console.log(event.event, event.data);", "}"]
      : [`const answer = await ${call};`];
  return ["@example", "```ts", ...use, "```"];
}
