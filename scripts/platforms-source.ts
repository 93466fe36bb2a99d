/**
 * @module
 * What `scripts/gen-platforms.ts` writes, as pure functions of the platform registry and each contract, so that
 * `scripts/gen-platforms.test.ts` can check the committed files are current.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Contract, EndpointSpec } from "../packages/sdk/src/contract/endpoint.ts";
import { routesOf } from "../packages/sdk/src/contract/routes.ts";
import { type PlatformEntry, platformRegistry } from "../packages/sdk/src/platforms/registry.ts";
import { methodExample } from "./method-example.ts";
import { publishedExports } from "./published-exports.ts";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** A registry entry with its contract loaded. */
export interface LoadedPlatform extends PlatformEntry {
  contract: Contract;
}

export async function loadPlatforms(): Promise<LoadedPlatform[]> {
  return Promise.all(
    platformRegistry.map(async (entry) => {
      const module = (await import(`../packages/sdk/src/platforms/${entry.id}/contract/index.ts`)) as {
        contract: Contract;
      };
      return { ...entry, contract: module.contract };
    }),
  );
}

/** Platforms in id order, so generated indexes read (and lint) the same whatever the registry's order. */
const byId = <T extends { id: string }>(platforms: readonly T[]): T[] =>
  [...platforms].sort((a, b) => a.id.localeCompare(b.id));

/** A doc comment for one endpoint's method: summary, then method, path and section, then an example call. */
function methodDoc(resource: string, name: string, spec: EndpointSpec): string {
  const where = `\`${spec.method} ${spec.path}\`${spec.section ? ` (${spec.section})` : ""}`;
  const lines = [spec.summary.replace(/\*\//g, "*\\/"), "", where];
  if (spec.paginated) lines.push("", "Resolves to the first page; `for await` iterates every item of every page.");
  if (spec.stream) lines.push("", "Answers a stream of Server-Sent Events: iterate it with `for await`.");
  if (spec.note) lines.push("", spec.note.replace(/\*\//g, "*\\/"));
  if (spec.beyondDocument) lines.push("", `Beyond the document: ${spec.beyondDocument.replace(/\*\//g, "*\\/")}.`);
  lines.push("", ...methodExample(resource, name, spec).map((l) => l.replace(/\*\//g, "*\\/")));
  return `    /**\n${lines.map((l) => `     *${l ? ` ${l}` : ""}`).join("\n")}\n     */`;
}

/** Sections covered by a resource's endpoints, e.g. `§4.1–§4.8`. */
function sectionsOf(specs: EndpointSpec[]): string {
  const sections = specs.map((s) => s.section).filter((s): s is string => Boolean(s));
  if (sections.length === 0) return "";
  const sorted = [...new Set(sections)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return sorted.length === 1 ? ` (${sorted[0]})` : ` (${sorted[0]}–${sorted.at(-1)})`;
}

/** `platforms/<id>/routes.generated.ts`: the run-time route table and the documented method types. */
export function renderRoutes(platform: LoadedPlatform): string {
  const { contract } = platform;
  const contractType = `${platform.client}Contract`;
  const resources = Object.entries(routesOf(contract)).map(([resource, routes]) => {
    const lines = Object.entries(routes).map(([name, route]) => `    ${name}: ${JSON.stringify(route)},`);
    return `  ${resource}: {\n${lines.join("\n")}\n  },`;
  });
  const interfaces = Object.entries(contract).map(([resource, endpoints]) => {
    const members = Object.entries(endpoints).map(
      ([name, { spec }]) =>
        `${methodDoc(resource, name, spec)}\n    readonly ${name}: Method<C["${resource}"]["${name}"]>;`,
    );
    return `  /** The \`${resource}\` endpoints${sectionsOf(Object.values(endpoints).map((e) => e.spec))}. */\n  readonly ${resource}: {\n${members.join("\n")}\n  };`;
  });
  return `// Generated from the contract by scripts/gen-platforms.ts: do not edit.
import type { Endpoint } from "../../contract/endpoint.ts";
import type { RouteTable } from "../../contract/routes.ts";
import type { ClientMethod } from "../../core/resource.ts";
import type { ${contractType} } from "./contract/index.ts";

type C = ${contractType};
type Method<E extends Endpoint<any>> = ClientMethod<NonNullable<E["~client"]>>;

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
${resources.join("\n")}
} as const satisfies RouteTable;

/** Every endpoint of the ${platform.title} contract as a typed method, by resource, with its documentation. */
export interface ${platform.client}Methods {
${interfaces.join("\n")}
}
`;
}

/** `packages/sdk/src/platforms/index.ts`: each platform's client, for the package's main entry. */
export function renderSdkIndex(platforms: readonly PlatformEntry[]): string {
  const lines = byId(platforms).map(
    (p) => `export { ${p.client}, type ${p.client}Options } from "./${p.id}/index.ts";`,
  );
  return `// Generated from the platform registry by scripts/gen-platforms.ts: do not edit.
/**
 * @module
 * Every platform's client class, re-exported by the package's main entry.
 */
${lines.join("\n")}
`;
}

/** server-lite's \`platforms/index.ts\`: a loader per platform, so a server imports only the ones it mounts. */
export function renderServerIndex(platforms: readonly PlatformEntry[]): string {
  const lines = byId(platforms).map((p) => `  ${p.id}: async () => (await import("./${p.id}/index.ts")).${p.id},`);
  return `// Generated from the platform registry by scripts/gen-platforms.ts: do not edit.
/**
 * @module
 * Every platform server-lite implements, as a loader: a server imports only the platforms it mounts.
 */
import type { AnyPlatform } from "../core/platform.ts";

/** Each platform's loader, by id. */
export const platformLoaders = {
${lines.join("\n")}
} as const satisfies Record<string, () => Promise<AnyPlatform>>;

/** The id of a platform server-lite implements. */
export type PlatformId = keyof typeof platformLoaders;

/** Every platform id, in registry order. */
export const platformIds = Object.keys(platformLoaders) as PlatformId[];
`;
}

/** \`packages/sdk/src/check/profiles.generated.ts\`: each platform's compatibility-check profile, loaded on demand. */
export function renderCheckProfiles(platforms: readonly PlatformEntry[]): string {
  const lines = byId(platforms).map(
    (p) => `  ${p.id}: async () => (await import("../platforms/${p.id}/check.ts")).checkProfile,`,
  );
  return `// Generated from the platform registry by scripts/gen-platforms.ts: do not edit.
/**
 * @module
 * Each platform's compatibility-check profile (\`platforms/<id>/check.ts\`), as a loader: a check imports only
 * the platform it checks.
 */
import type { CheckProfile } from "./profile.ts";

/** Each platform's profile loader, by id. */
export const checkProfileLoaders = {
${lines.join("\n")}
} as const satisfies Record<string, () => Promise<CheckProfile>>;
`;
}

type ExportTarget = { "agentlane-source": string; types: string; default: string };

/** The SDK's \`exports\`: the fixed entries, and two per platform (client and contract). */
export function sdkExports(platforms: readonly PlatformEntry[]): Record<string, ExportTarget | string> {
  const entry = (source: string, types: string, js: string): ExportTarget => ({
    "agentlane-source": `./src/${source}`,
    types: `./dist/${types}`,
    default: `./dist/${js}`,
  });
  const exports: Record<string, ExportTarget | string> = { ".": entry("index.ts", "index.d.ts", "index.js") };
  for (const p of platforms) {
    exports[`./${p.id}`] = entry(`platforms/${p.id}/index.ts`, `platforms/${p.id}/index.d.ts`, `${p.id}.js`);
    exports[`./${p.id}/contract`] = entry(
      `platforms/${p.id}/contract/index.ts`,
      `platforms/${p.id}/contract/index.d.ts`,
      `${p.id}-contract.js`,
    );
  }
  for (const name of sharedEntries)
    exports[`./${name}`] = entry(`${name}/index.ts`, `${name}/index.d.ts`, `${name}.js`);
  exports["./package.json"] = "./package.json";
  return exports;
}

/** SDK entries that belong to no platform. */
export const sharedEntries = ["check", "contract", "live", "webhooks"] as const;

/** The SDK's tsup entries, derived like its exports. */
export function sdkBuildEntries(platforms: readonly PlatformEntry[]): Record<string, string> {
  const entries: Record<string, string> = { index: "src/index.ts" };
  for (const p of platforms) {
    entries[p.id] = `src/platforms/${p.id}/index.ts`;
    entries[`${p.id}-contract`] = `src/platforms/${p.id}/contract/index.ts`;
  }
  for (const name of sharedEntries) entries[name] = `src/${name}/index.ts`;
  // The `agentlane` command (package.json `bin`).
  entries["cli/agentlane"] = "src/cli/agentlane.ts";
  return entries;
}

/** `packages/sdk/package.json` with its exports (as used in the repository and as published) derived from the registry. */
export function renderSdkManifest(current: string, platforms: readonly PlatformEntry[]): string {
  const manifest = JSON.parse(current) as Record<string, unknown>;
  manifest.exports = sdkExports(platforms);
  const publishConfig = (manifest.publishConfig ?? {}) as Record<string, unknown>;
  manifest.publishConfig = { ...publishConfig, exports: publishedExports(sdkExports(platforms)) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function readText(relative: string): string {
  return readFileSync(`${root}${relative}`, "utf8");
}

/** Every generated file: path relative to the root, and its content. */
export async function generatedFiles(): Promise<[string, string][]> {
  const platforms = await loadPlatforms();
  return [
    ...platforms.map((p): [string, string] => [
      `packages/sdk/src/platforms/${p.id}/routes.generated.ts`,
      renderRoutes(p),
    ]),
    ["packages/sdk/src/platforms/index.ts", renderSdkIndex(platforms)],
    ["packages/sdk/src/check/profiles.generated.ts", renderCheckProfiles(platforms)],
    ["packages/server-lite/src/platforms/index.ts", renderServerIndex(platforms)],
    ["packages/sdk/package.json", renderSdkManifest(readText("packages/sdk/package.json"), platforms)],
  ];
}
