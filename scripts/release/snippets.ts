/**
 * @module
 * A README's first code example, as the release checks run it: as an ES module, as CommonJS, and as TypeScript.
 */
import { readFileSync } from "node:fs";

/** The first ```ts block of a markdown file. */
export function firstTypeScriptBlock(markdownFile: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(readFileSync(markdownFile, "utf8"));
  if (!match) throw new Error(`${markdownFile} has no \`\`\`ts block`);
  return match[1]!;
}

/**
 * The same example as a CommonJS script: its `import { a, b } from "x"` lines become `require` calls and the rest
 * runs inside an async function, since CommonJS has no top-level await.
 */
export function asCommonJs(esm: string): string {
  const requires: string[] = [];
  const body = esm.replace(/^import \{([^}]+)\} from ("[^"]+");\n/gm, (_line, names: string, from: string) => {
    requires.push(`const {${names}} = require(${from});`);
    return "";
  });
  return `${requires.join("\n")}\n(async () => {\n${body}})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
}
