#!/usr/bin/env node
/**
 * Checks every subpath export of every published package: each file it names exists after a build, and
 * each JavaScript entry imports without error in plain Node (no `agentlane-source` condition). The exports as
 * published (`publishConfig.exports`, which pnpm puts in place of `exports` when it packs) must be the same
 * without that condition, so that no published condition points at `src/`, which is not shipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { publishedExports } from "./published-exports.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = ["packages/sdk", "packages/server-lite"];
let failures = 0;

for (const dir of packages) {
  const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const conditions = typeof target === "string" ? { default: target } : target;
    for (const [condition, file] of Object.entries(conditions)) {
      const path = join(root, dir, file);
      if (!existsSync(path)) {
        console.error(`${manifest.name} ${subpath} [${condition}]: ${file} does not exist`);
        failures++;
      }
    }
    if (conditions.default?.endsWith(".js")) {
      try {
        await import(pathToFileURL(join(root, dir, conditions.default)).href);
      } catch (error) {
        console.error(`${manifest.name} ${subpath}: importing ${conditions.default} failed: ${error.message}`);
        failures++;
      }
    }
  }
  const expected = JSON.stringify(publishedExports(manifest.exports ?? {}));
  if (JSON.stringify(manifest.publishConfig?.exports) !== expected) {
    console.error(`${manifest.name}: publishConfig.exports must be exports without "agentlane-source": ${expected}`);
    failures++;
  }
  for (const [name, file] of Object.entries(manifest.bin ?? {})) {
    if (!existsSync(join(root, dir, file))) {
      console.error(`${manifest.name} bin ${name}: ${file} does not exist`);
      failures++;
    }
  }
}

if (failures > 0) {
  console.error(`check-exports: ${failures} problem(s); run \`npm run build\` first if dist/ is missing`);
  process.exit(1);
}
console.log("check-exports: every subpath export and bin resolves and imports");
