#!/usr/bin/env node
/**
 * @module
 * Writes `dist/cli.NOTICE.txt`: each package the `agentlane-server` command's bundle (`tsup.cli.config.ts`) holds
 * code of, with its version and license, read from the build's metafile, which it then removes so that it is not
 * published.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const metafile = join(packageDir, "dist", "metafile-esm.json");
const { inputs } = JSON.parse(readFileSync(metafile, "utf8"));

/** The folder of the package a bundled file belongs to (`node_modules/<name>` or `node_modules/@scope/name`). */
function packageFolderOf(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? join(packageDir, match[1]) : undefined;
}

const bundled = new Map();
for (const input of Object.keys(inputs)) {
  const folder = packageFolderOf(input);
  if (!folder || !existsSync(join(folder, "package.json"))) continue;
  const { name, version, license } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  bundled.set(name, `${name} ${version} (${license ?? "see its package"})`);
}
const lines = [...bundled.values()].sort();
writeFileSync(
  join(packageDir, "dist", "cli.NOTICE.txt"),
  "The agentlane-server command (dist/cli.js and the chunks it imports) bundles code of these packages, each under\n" +
    `its license, whose text ships in the package on npm:\n\n${lines.join("\n")}\n`,
);
rmSync(metafile);
console.log(`dist/cli.NOTICE.txt: ${lines.length} bundled packages`);
