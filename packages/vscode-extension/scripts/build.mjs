#!/usr/bin/env node
/**
 * @module
 * Bundles the extension with esbuild:
 * - `dist/extension.cjs`: the extension (CommonJS, as VS Code loads it), `vscode` external, the SDK inside;
 * - `dist/local-server.mjs`: server-lite for "Start local server" (its PTY module stays external: a native
 *   addon cannot be bundled);
 * - `dist/test/integration.cjs`: the extension-host integration tests (never packaged).
 *
 * Workspace packages are bundled from their sources (the `source` export condition), so no build of the
 * SDK is needed first. `--watch` rebuilds on change.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const common = {
  bundle: true,
  platform: "node",
  conditions: ["source"],
  logLevel: "warning",
  legalComments: "none",
  absWorkingDir: root,
};

export const builds = [
  {
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.cjs",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    minify: true,
    metafile: true,
  },
  {
    ...common,
    entryPoints: ["src/local-server/main.ts"],
    outfile: "dist/local-server.mjs",
    format: "esm",
    target: "node22",
    external: ["@lydell/node-pty"],
    minify: true,
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: 'import { createRequire as __agentlaneRequire } from "node:module"; const require = __agentlaneRequire(import.meta.url);',
    },
  },
  {
    ...common,
    entryPoints: ["test/integration/index.ts"],
    outfile: "dist/test/integration.cjs",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
  },
];

mkdirSync(join(root, "dist"), { recursive: true });
if (process.argv.includes("--watch")) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const bytes = Object.values(results[0].metafile.outputs)[0].bytes;
  process.stdout.write(`extension bundle: dist/extension.cjs, ${(bytes / 1024).toFixed(0)} KB\n`);
}
