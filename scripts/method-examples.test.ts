/**
 * @module
 * The example call every SDK method's doc comment shows (`scripts/method-example.ts`, written into each
 * platform's `routes.generated.ts`) compiles against that platform's client, so that a hover or the API reference
 * never shows a call the method would refuse.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { platformRegistry } from "../packages/sdk/src/platforms/registry.ts";
import { compileModules } from "./compile-modules.ts";
import { repositoryRoot } from "./release/pack.ts";

const scratch = join(repositoryRoot, "node_modules", ".cache", "method-examples");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The code of each `@example` block of a generated file, without the comment's leading `*`. */
function examplesOf(source: string): string[] {
  const blocks = source.matchAll(/\* @example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g);
  return [...blocks].map(([, body]) => body!.replace(/^\s*\* ?/gm, ""));
}

it("compiles the example of every SDK method against its client", { timeout: 120_000 }, async () => {
  mkdirSync(scratch, { recursive: true });
  let count = 0;
  for (const { id, client } of platformRegistry) {
    const generated = readFileSync(
      join(repositoryRoot, `packages/sdk/src/platforms/${id}/routes.generated.ts`),
      "utf8",
    );
    const examples = examplesOf(generated);
    count += examples.length;
    const bodies = examples.map((code, n) => `async function example${n}() {\n${code}\n}`);
    const module = [
      `import type { ${client} } from "@agentlane/sdk/${id}";`,
      `declare const client: ${client};`,
      ...bodies,
      `export const examples = [${bodies.map((_, n) => `example${n}`).join(", ")}];`,
    ];
    writeFileSync(join(scratch, `${id}.mts`), `${module.join("\n")}\n`);
  }
  expect(count).toBeGreaterThan(200);
  expect(await compileModules(scratch)).toBe("");
});
