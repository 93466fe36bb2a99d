/**
 * @module
 * Every example a contract gives (named entities and request bodies) parses with its own schema, so the OpenAPI
 * document cannot show an example the server would refuse or never send; and each platform's OpenAPI document
 * has its named entities as components, each referenced.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { platformRegistry } from "../platforms/registry.ts";
import type { Contract } from "./endpoint.ts";
import { namedEntities, requestExamples } from "./entity.ts";
import { toOpenAPI } from "./openapi.ts";
import type { RunnableSchema } from "./schema.ts";

const contracts = new Map<string, Contract>();

beforeAll(async () => {
  for (const { id } of platformRegistry) {
    const module = (await import(`../platforms/${id}/contract/index.ts`)) as { contract: Contract };
    contracts.set(id, module.contract);
  }
});

/** The issues of parsing `value`, as `path: message` lines (none when it parses). */
function issues(schema: unknown, value: unknown): string[] {
  const result = (schema as RunnableSchema).safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

it("parses every named entity's example with the entity's schema", () => {
  expect(namedEntities().size).toBeGreaterThan(0);
  for (const { id, schema, example } of namedEntities().values()) expect(issues(schema, example), id).toEqual([]);
});

it("parses every request example with its request schema", () => {
  expect(requestExamples().length).toBeGreaterThan(0);
  for (const { schema, example } of requestExamples()) {
    expect(issues(schema, example), JSON.stringify(example).slice(0, 80)).toEqual([]);
  }
});

describe.each(platformRegistry.map((p) => p.id))("%s", (id) => {
  it("names entities, each a component of its OpenAPI document, referenced and shown with its example", () => {
    const doc = toOpenAPI(contracts.get(id)!, { title: id, version: "1", serverUrl: "/" }) as {
      paths: unknown;
      components: { schemas: Record<string, { examples?: unknown[] }> };
    };
    const text = JSON.stringify(doc.paths);
    const own = [...namedEntities().values()].filter((e) => e.id.startsWith(`${id}.`));
    expect(own.length, "named entities").toBeGreaterThan(0);
    for (const entity of own) {
      const component = doc.components.schemas[entity.id];
      expect(component?.examples, entity.id).toEqual([entity.example]);
      const refs = JSON.stringify(doc.components.schemas) + text;
      expect(refs, entity.id).toContain(`"#/components/schemas/${entity.id}"`);
    }
  });
});
