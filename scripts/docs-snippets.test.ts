/**
 * @module
 * Every TypeScript example of the guides (getting started, cookbook, troubleshooting) and of the packages' READMEs compiles against the
 * packages' sources, so that a guide cannot show an API that no longer exists. Each block is a module of its own;
 * the names an example uses without defining them (a client, its base URL and token, an id) are declared
 * before it, and `ClaudeNest` is imported when an example uses it without importing it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { compileModules } from "./compile-modules.ts";
import { repositoryRoot } from "./release/pack.ts";

const guides = [
  "docs/getting-started.md",
  "docs/cookbook.md",
  "docs/troubleshooting.md",
  "packages/sdk/README.md",
  "packages/server-lite/README.md",
];
const free: Record<string, string> = {
  nest: "ClaudeNest",
  baseUrl: "string",
  token: "string",
  projectId: "string",
  id: "string",
};
const scratch = join(repositoryRoot, "node_modules", ".cache", "docs-snippets");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An example as a module: its free names declared first. */
function asModule(code: string): string {
  const prelude: string[] = [];
  const usesClient = /\bClaudeNest\b/.test(code) || /\bnest\./.test(code);
  if (usesClient && !/import \{[^}]*\bClaudeNest\b/.test(code))
    prelude.push('import { ClaudeNest } from "@agentlane/sdk";');
  for (const [name, type] of Object.entries(free)) {
    const used = new RegExp(`\\b${name}\\b`).test(code);
    const defined = new RegExp(`(const|let)\\s+(\\{[^}]*)?\\b${name}\\b|import[^;]*\\b${name}\\b`).test(code);
    if (used && !defined) prelude.push(`declare const ${name}: ${type};`);
  }
  return `${prelude.join("\n")}\n${code}\nexport {};\n`;
}

it("compiles every TypeScript example of the guides and READMEs", { timeout: 120_000 }, async () => {
  mkdirSync(scratch, { recursive: true });
  const files: string[] = [];
  for (const guide of guides) {
    const text = readFileSync(join(repositoryRoot, guide), "utf8");
    let n = 0;
    for (const [, code] of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      const file = `${guide.replace(/[/.]/g, "_")}_${++n}.mts`;
      writeFileSync(join(scratch, file), asModule(code!));
      files.push(file);
    }
  }
  expect(files.length).toBeGreaterThan(5);
  expect(await compileModules(scratch)).toBe("");
});
