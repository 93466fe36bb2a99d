/**
 * @module
 * A platform client bundled as a browser application would bundle it (esbuild, minified, ESM, with code
 * splitting so that what the SDK loads on demand lands in chunks of its own), for the bundle tests: which
 * modules the entry chunk carries, and its gzipped size.
 */
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

export async function browserBundle(entry: string): Promise<BrowserBundle> {
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
