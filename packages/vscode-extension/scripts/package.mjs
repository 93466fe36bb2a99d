#!/usr/bin/env node
/**
 * @module
 * Packages the built extension with `@vscode/vsce` into `dist/vsix/agentlane-vscode-<version>.vsix` and
 * checks the package (`vsix-check.mjs`): it must hold exactly the expected files (the bundles, the media, the
 * marketplace texts, the manifest), each at least a few bytes, and the manifest must point at the bundle.
 * Anything missing or unexpected fails the build.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkVsix } from "./vsix-check.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const vsixPath = join(root, "dist", "vsix", `${manifest.name}-${manifest.version}.vsix`);

mkdirSync(dirname(vsixPath), { recursive: true });
const vsce = join(root, "node_modules", ".bin", "vsce");
const result = spawnSync(
  vsce,
  ["package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "--out", vsixPath],
  { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
);
if (result.status !== 0) {
  process.stderr.write(`${result.stdout}${result.stderr}\nvsce package failed\n`);
  process.exit(1);
}
const { names, problems } = checkVsix(vsixPath);
if (problems.length > 0) {
  process.stderr.write(`The package ${vsixPath} is not as expected:\n  ${problems.join("\n  ")}\n`);
  process.exit(1);
}
process.stdout.write(`packaged ${vsixPath}: ${names.length} files, checked\n`);
