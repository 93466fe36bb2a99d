/**
 * @module
 * The OpenAPI document of every platform, as `/openapi.json` serves it, linted by Redocly's recommended rules
 * (the repository's `redocly.yaml`) with no error and no warning; and what the lint does not check: each
 * platform's error envelope is a named schema, no schema repeats `$schema`, and no integer bound is zod's
 * meaningless safe-integer default; each platform's main entities and pagination objects are named components,
 * each referenced, with an example, and no operation spells one of them out again in place of its reference.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../server.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "agentlane-openapi-"));
let server: LiteServer;
let text: string;

beforeAll(async () => {
  server = await createServer();
  text = await (await server.fetch(new Request("http://lite.test/openapi.json"))).text();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it("passes redocly lint without a warning", { timeout: 120_000 }, async () => {
  const file = join(dir, "openapi.json");
  writeFileSync(file, text);
  const redocly = join(root, "node_modules", ".bin", "redocly");
  const args = ["lint", file, "--config", join(root, "redocly.yaml"), "--format", "json"];
  const { stdout } = await run(redocly, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string }) => error,
  );
  const { problems } = JSON.parse(stdout) as { problems: { ruleId: string; message: string }[] };
  expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
});

it("names each platform's error envelope, and keeps schemas free of $schema and safe-integer bounds", () => {
  const doc = JSON.parse(text) as { components: { schemas: Record<string, unknown> } };
  for (const id of Object.keys(server.bases)) expect(doc.components.schemas, id).toHaveProperty(`${id}.Error`);
  expect(text).not.toContain('"$schema"');
  expect(text).not.toContain(String(Number.MAX_SAFE_INTEGER));
});

/** The components each platform must name: its pagination objects and main entities. */
const expectedComponents: Record<string, string[]> = {
  actus: ["User", "Session", "Skill", "FileInfo", "McpServer"],
  caipe: ["Skill", "CatalogMeta", "AgentSkill", "ScanJob", "TemplateImportResult"],
  ccjk: ["Pagination", "Skill", "SkillListItem", "Agent", "AgentTask", "McpService", "Plugin", "Webhook"],
  claudenest: [
    ...["Pagination", "User", "Token", "Machine", "Session", "SessionLog", "Project", "Task"],
    ...["ContextChunk", "Lock", "Skill", "McpServer", "McpTool", "Command"],
  ],
  coordinaitor: ["Pagination", "PageLinks", "Task", "Agent", "Project", "User", "Webhook"],
};

/** Every schema object in `value`, however deeply nested. */
function* schemaObjects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* schemaObjects(v);
  else if (typeof value === "object" && value !== null) {
    yield value as Record<string, unknown>;
    for (const [key, child] of Object.entries(value)) if (key !== "examples") yield* schemaObjects(child);
  }
}

it("names each platform's entities and pagination, references each, and never inlines one", () => {
  const doc = JSON.parse(text) as { components: { schemas: Record<string, { examples?: unknown[] }> }; paths: unknown };
  const { schemas } = doc.components;
  const refs = new Set([...schemaObjects([doc.paths, schemas])].map((s) => s.$ref).filter((r) => r !== undefined));
  expect(Object.keys(expectedComponents).sort()).toEqual(Object.keys(server.bases).sort());
  for (const [id, names] of Object.entries(expectedComponents)) {
    for (const name of names) {
      const component = `${id}.${name}`;
      expect(schemas[component]?.examples, component).toHaveLength(1);
      expect(refs, component).toContain(`#/components/schemas/${component}`);
    }
  }
  // No schema under the operations is a named component's shape spelled out again.
  const shapeOf = ({ examples: _, ...shape }: Record<string, unknown>) => JSON.stringify(shape);
  const named = new Map(Object.entries(schemas).map(([name, schema]) => [shapeOf(schema), name]));
  const inlined = [...schemaObjects(doc.paths)].filter((s) => s.type === "object").map((s) => named.get(shapeOf(s)));
  expect(inlined.filter((name) => name !== undefined)).toEqual([]);
});
