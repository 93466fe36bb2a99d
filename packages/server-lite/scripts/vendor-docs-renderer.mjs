#!/usr/bin/env node
/**
 * @module
 * Copies the API reference renderer (Scalar's standalone browser bundle, a development dependency) into
 * `dist/vendor/`, with a notice of its license, so that the published package serves `/docs` without reaching any
 * network and without installing the renderer's own dependency tree.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const renderer = dirname(dirname(createRequire(import.meta.url).resolve("@scalar/api-reference")));
const manifest = JSON.parse(readFileSync(join(renderer, "package.json"), "utf8"));
const vendor = join(packageDir, "dist", "vendor");
mkdirSync(vendor, { recursive: true });
copyFileSync(join(renderer, "dist", "browser", "standalone.js"), join(vendor, "scalar-api-reference.js"));
writeFileSync(
  join(vendor, "scalar-api-reference.NOTICE.txt"),
  `vendor/scalar-api-reference.js is ${manifest.name} ${manifest.version} (dist/browser/standalone.js),\n` +
    `${manifest.license} licensed; its source and license: ${manifest.homepage ?? manifest.repository?.url ?? "the npm package"}.\n`,
);
console.log(`vendored ${manifest.name} ${manifest.version} into dist/vendor/`);
