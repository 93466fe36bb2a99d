/**
 * @module
 * A platform client bundled as a browser application would bundle it (esbuild, minified, ESM, with code
 * splitting so that what the SDK loads on demand lands in chunks of its own), for the bundle tests: which
 * modules the entry chunk carries, and its gzipped size.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BrowserBundle {
  /** The modules in the entry chunk (what a page loads before it makes its first call). */
  entryInputs: string[];
  /** The modules in any chunk, loaded on demand or not. */
  allInputs: string[];
  /** The entry chunk's size, gzipped, in bytes. */
  entryGzip: number;
}

/**
 * Bundles `entry`, or only `names` of it when given (`import { ClaudeNest } from ...`, as an application that
 * uses the client and nothing else of the module would).
 */
export async function browserBundle(entry: string, names?: readonly string[]): Promise<BrowserBundle> {
  const dir = names ? mkdtempSync(join(tmpdir(), "agentlane-bundle-")) : undefined;
  try {
    return await bundle(dir ? importer(dir, entry, names!) : entry);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function importer(dir: string, entry: string, names: readonly string[]): string {
  const file = join(dir, "app.js");
  writeFileSync(file, `export { ${names.join(", ")} } from ${JSON.stringify(entry)};\n`);
  return file;
}

async function bundle(entry: string): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    outdir: "/virtual",
    platform: "browser",
    format: "esm",
    conditions: ["agentlane-source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [path, output] = Object.entries(result.metafile.outputs).find(([, out]) => out.entryPoint)!;
  // The metafile names outputs relative to the working folder, the output files by absolute path.
  const name = path.slice(path.lastIndexOf("/") + 1);
  const file = result.outputFiles.find((out) => out.path.endsWith(`/${name}`))!;
  return {
    entryInputs: Object.keys(output.inputs),
    allInputs: Object.keys(result.metafile.inputs),
    entryGzip: gzipSync(file.contents).length,
  };
}
