/**
 * Every name a package entry exports carries a doc comment, so that hovers and generated docs explain it. The
 * check follows `export *` and `export { ... } from` to the module that declares each name and looks for a
 * `/** ... *\/` right above one of its declarations.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = dirname(fileURLToPath(import.meta.url));

/** The entries of `package.json` `exports`, by subpath (their source files, relative to `src/`). */
const manifest = JSON.parse(readFileSync(resolve(src, "../package.json"), "utf8")) as {
  exports: Record<string, Record<string, string> | string>;
};
const entries = Object.fromEntries(
  Object.entries(manifest.exports)
    .filter((e): e is [string, Record<string, string>] => typeof e[1] === "object" && Boolean(e[1]["agentlane-source"]))
    .map(([subpath, target]) => [
      `@agentlane/sdk${subpath.slice(1)}`,
      target["agentlane-source"]!.replace("./src/", ""),
    ]),
);

interface ModuleExports {
  /** Names declared here, and whether some declaration of each has a doc comment. */
  declared: Map<string, boolean>;
  /** `export * from`, resolved. */
  stars: string[];
  /** Re-exported names: exported name, name in the source module, source module. */
  named: [string, string, string][];
}

const DECLARATION =
  /^export (?:declare )?(?:abstract )?(?:async )?(?:const|let|function\*?|class|interface|type|enum) ([A-Za-z_$][\w$]*)/;

const parsed = new Map<string, ModuleExports>();

function names(list: string): [string, string][] {
  return list
    .split(",")
    .map((part) => part.trim().replace(/^type\s+/, ""))
    .filter(Boolean)
    .map((part) => {
      const [original, alias] = part.split(/\s+as\s+/) as [string, string | undefined];
      return [alias ?? original, original];
    });
}

function parse(file: string): ModuleExports {
  const known = parsed.get(file);
  if (known) return known;
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const declared = new Map<string, boolean>();
  lines.forEach((line, i) => {
    const match = DECLARATION.exec(line);
    if (!match || /^export type [*{]/.test(line)) return;
    let above = i - 1;
    while (above >= 0 && lines[above]!.trim().startsWith("// biome-ignore")) above--;
    const documented = above >= 0 && lines[above]!.trim().endsWith("*/");
    declared.set(match[1]!, (declared.get(match[1]!) ?? false) || documented);
  });
  const stars = [...text.matchAll(/^export (?:type )?\* from "([^"]+)";/gm)].map((m) => resolve(dirname(file), m[1]!));
  const named: [string, string, string][] = [];
  for (const m of text.matchAll(/^export (?:type )?\{([^}]*)\} from "([^"]+)";/gm)) {
    for (const [exported, original] of names(m[1]!)) named.push([exported, original, resolve(dirname(file), m[2]!)]);
  }
  // `export { a };` of an imported name: follow the import.
  for (const m of text.matchAll(/^export (?:type )?\{([^}]*)\};/gm)) {
    for (const [exported, original] of names(m[1]!)) {
      const from = new RegExp(`^import (?:type )?\\{[^}]*\\b${original}\\b[^}]*\\} from "([^"]+)";`, "m").exec(text);
      if (from) named.push([exported, original, resolve(dirname(file), from[1]!)]);
    }
  }
  const result = { declared, stars, named };
  parsed.set(file, result);
  return result;
}

/** Every name a module exports, with the file declaring it and whether it is documented there. */
function exportsOf(file: string): Map<string, { file: string; documented: boolean }> {
  const { declared, stars, named } = parse(file);
  const out = new Map<string, { file: string; documented: boolean }>();
  for (const [name, documented] of declared) out.set(name, { file, documented });
  for (const [exported, original, from] of named) {
    out.set(exported, exportsOf(from).get(original) ?? { file: from, documented: false });
  }
  for (const star of stars) for (const [name, found] of exportsOf(star)) if (!out.has(name)) out.set(name, found);
  return out;
}

describe("every exported name has a doc comment", () => {
  it("finds declarations through stars, named and local re-exports", () => {
    const sdk = exportsOf(resolve(src, entries["@agentlane/sdk"]!));
    expect(sdk.get("ClaudeNest")?.file).toBe(resolve(src, "platforms/claudenest/client.ts"));
    expect(sdk.get("ConflictError")?.file).toBe(resolve(src, "core/errors/api-error.ts"));
    const nest = exportsOf(resolve(src, entries["@agentlane/sdk/claudenest"]!));
    expect(nest.get("TerminalExit")?.file).toBe(resolve(src, "platforms/claudenest/live/terminal-feed.ts"));
    expect(nest.get("Task")?.file).toBe(resolve(src, "platforms/claudenest/contract/tasks.ts"));
  });

  it.each(Object.entries(entries))("%s", (_entry, file) => {
    const undocumented = [...exportsOf(resolve(src, file))]
      .filter(([, found]) => !found.documented)
      .map(([name, found]) => `${name} (${found.file.slice(src.length + 1)})`)
      .sort();
    expect(undocumented).toEqual([]);
  });
});
