/**
 * @module
 * The OpenAPI document of every platform, as `/openapi.json` serves it, linted by Redocly's recommended rules
 * (the repository's `redocly.yaml`) with no error and no warning; and what the lint does not check: each
 * platform's error envelope is a named schema, no schema repeats `$schema`, and no integer bound is zod's
 * meaningless safe-integer default.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer, type LiteServer } from "../server.ts";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../../", import.meta.url));
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
