/**
 * @module
 * Writes the SDK's API reference with TypeDoc: every public entry of `@agentlane/sdk` (read from its package
 * `exports`) into `docs/reference/` at the repository's root, or into the folder given as `--out <dir>`, and
 * TypeDoc's JSON model of it into `--json <file>` when asked. TypeDoc
 * reads the sources with this package's own TypeScript 5.9 and `tsconfig.json`, since the project's TypeScript 7
 * has no compiler API. Its validation makes a missing doc comment, a broken `{@link}` or a type the reference
 * cannot show a warning, and any warning fails the run (exit code 1), so the reference stays complete.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Application, Comment, LogLevel, type ProjectReflection, ReflectionKind } from "typedoc";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sdk = `${root}packages/sdk/`;

/** The SDK's public entries: each import path (`@agentlane/sdk/live`) and its source file (its `agentlane-source`). */
export function sdkEntries(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(`${sdk}package.json`, "utf8")) as {
    exports: Record<string, string | Record<string, string>>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const source = typeof target === "string" ? undefined : target["agentlane-source"];
    if (source) entries.set(`@agentlane/sdk${subpath.slice(1)}`, sdk + source.replace(/^\.\//, ""));
  }
  return entries;
}

/**
 * Names each entry module by its import path. The sources open with `@module` and the module's description on
 * the next lines, which TypeDoc reads as the module's name: that text becomes the module's summary instead.
 */
function nameModulesByImportPath(project: ProjectReflection, entries: Map<string, string>): void {
  const importPaths = new Map([...entries].map(([importPath, file]) => [file, importPath]));
  for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
    const file = module.sources?.[0]?.fullFileName;
    const importPath = file ? importPaths.get(file) : undefined;
    if (!importPath) continue;
    if (!module.comment?.summary.length) module.comment = new Comment([{ kind: "text", text: module.name }]);
    module.name = importPath;
  }
}

/**
 * Types the public API mentions that are helpers of its own, not meant to be imported: the reference shows them
 * inline where they are used.
 */
const internalHelpers = ["Merge", "InputOf", "OutputOf", "AllOptional", "ListItem", "Returned", "Fields", "Nest"];
/** The document's shape of a body that also takes another (the agent's): shown inline in the input's union. */
const documentedShapes = ["DocumentedAcquire", "DocumentedBroadcast", "DocumentedUpdate"];
const internalParts = ["HttpClient", "RealtimeSettings", ...documentedShapes];

/**
 * Runs TypeDoc; resolves to the number of warnings and errors it reported. The reference (HTML into `out`, and
 * TypeDoc's JSON model into `json` when given) is written only when there are none.
 */
export async function writeReference(out: string, json?: string): Promise<number> {
  const entries = sdkEntries();
  const app = await Application.bootstrapWithPlugins({
    name: "@agentlane/sdk",
    entryPoints: [...entries.values()],
    entryPointStrategy: "resolve",
    tsconfig: fileURLToPath(new URL("tsconfig.json", import.meta.url)),
    readme: `${sdk}README.md`,
    out,
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    // No "defined in" links: a clone's remote (or none, in CI) says nothing about where the sources are published.
    disableSources: true,
    intentionallyNotExported: [...internalHelpers, ...internalParts],
    sort: ["source-order"],
    validation: { notExported: true, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: true },
    // Every declaration a user imports must say what it is. Properties are left out: the contract's schemas and
    // route tables are object literals whose every key would need a comment; the SDK methods, which are
    // properties of the generated `<Client>Methods` interfaces, are checked by `reference.test.ts` instead.
    requiredToBeDocumented: [
      ...["Enum", "EnumMember", "Variable", "Function", "Class", "Interface", "Method", "Accessor", "TypeAlias"],
    ] as never,
    treatWarningsAsErrors: true,
    logLevel: LogLevel.Warn,
  });
  const project = await app.convert();
  if (!project) return app.logger.errorCount + app.logger.warningCount || 1;
  nameModulesByImportPath(project, entries);
  app.validate(project);
  const problems = app.logger.errorCount + app.logger.warningCount;
  if (problems === 0) await app.generateDocs(project, out);
  if (problems === 0 && json) await app.generateJson(project, json);
  return problems + app.logger.errorCount;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const out = option("--out") ?? `${root}docs/reference`;
  const problems = await writeReference(out, option("--json"));
  if (problems > 0) {
    console.error(`The API reference has ${problems} problem(s): see the warnings above.`);
    process.exitCode = 1;
  } else console.log(`API reference written to ${out}`);
}
