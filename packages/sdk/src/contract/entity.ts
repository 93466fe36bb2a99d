/**
 * @module
 * Names a platform's entities once, where their schemas are defined, so the OpenAPI document shows each as one
 * component schema (`claudenest.Machine`), referenced wherever an answer carries it, with an example taken from
 * the platform's document. The name and the example are zod metadata in its global registry: `z.toJSONSchema`
 * turns a named schema into a `$ref` by itself, and the SDK's clients, which import contracts only as types,
 * carry none of it.
 */
import { z } from "zod";
import type { AnySchema, SchemaInput, SchemaOutput } from "./schema.ts";

/** What names an entity: its component name within the platform, and an example the document shows. */
export interface EntityInfo<Example> {
  /**
   * The entity's name, without the platform: `"Machine"`. The component is `<platform>.<name>`, so two platforms'
   * `Task`s never meet in one document.
   */
  name: string;
  /** A value as the platform's document shows it in a sample answer; it must parse with the schema (a test checks). */
  example: Example;
}

/** A named entity as registered: its component name, schema and example. */
export interface RegisteredEntity {
  readonly id: string;
  readonly schema: AnySchema;
  readonly example: unknown;
}

/** A schema given an example only (a request body, say): shown inline with its example. */
export interface RegisteredExample {
  readonly schema: AnySchema;
  readonly example: unknown;
}

const entities = new Map<string, RegisteredEntity>();
const examples: RegisteredExample[] = [];

function register(schema: AnySchema, meta: { id?: string; examples: unknown[] }): void {
  z.globalRegistry.add(schema as unknown as z.core.$ZodType, meta);
}

/**
 * The entity namer of one platform: `entity(schema, { name, example })` registers the schema as the component
 * `<platform>.<name>` and returns the schema unchanged.
 * @example
 * const entity = entityNamer("claudenest");
 * export const MachineSchema = entity(z.object({ id: z.string() }), { name: "Machine", example: { id: "m_1" } });
 */
export function entityNamer(platform: string) {
  return function entity<S extends AnySchema>(schema: S, info: EntityInfo<SchemaOutput<S>>): S {
    const id = `${platform}.${info.name}`;
    register(schema, { id, examples: [info.example] });
    entities.set(id, { id, schema, example: info.example });
    return schema;
  };
}

/**
 * Gives a request schema an example (what the document sends), shown with it wherever it is used; returns the
 * schema unchanged.
 * @example
 * export const CreateTaskBodySchema = withExample(z.object({ title: z.string() }), { title: "Write the docs" });
 */
export function withExample<S extends AnySchema>(schema: S, example: SchemaInput<S>): S {
  register(schema, { examples: [example] });
  examples.push({ schema, example });
  return schema;
}

/**
 * The example a schema was given by `entity()` or `withExample()`, or `undefined`.
 * @example
 * exampleOf(MachineSchema); // { id: "9b2f6c1e-...", name: "MacBook Pro", ... }
 */
export function exampleOf(schema: AnySchema): unknown {
  const meta = z.globalRegistry.get(schema as unknown as z.core.$ZodType) as { examples?: unknown[] } | undefined;
  return meta?.examples?.[0];
}

/** Every entity named so far (those of the contracts imported), by component name. */
export function namedEntities(): ReadonlyMap<string, RegisteredEntity> {
  return entities;
}

/** Every request example given so far (those of the contracts imported). */
export function requestExamples(): readonly RegisteredExample[] {
  return examples;
}
