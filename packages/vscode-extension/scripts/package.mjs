#!/usr/bin/env node
/**
 * @module
 * Packages the built extension with `@vscode/vsce` into `dist/vsix/agentlane-vscode-<version>.vsix` and
 * checks the package: it must hold exactly the expected files (the bundles, the media, the marketplace texts,
 * the manifest), each at least a few bytes, and the manifest must point at the bundle. Anything missing or
 * unexpected fails the build.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
export const vsixPath = join(root, "dist", "vsix", `${manifest.name}-${manifest.version}.vsix`);

const EXPECTED = [
  "[Content_Types].xml",
  "extension.vsixmanifest",
  "extension/package.json",
  "extension/dist/extension.cjs",
  "extension/dist/local-server.mjs",
  "extension/media/icon.png",
  "extension/media/agentlane.svg",
  "extension/readme.md",
  "extension/changelog.md",
  "extension/LICENSE.txt",
];

/** The entries of a zip file (names, sizes, and a reader), from its central directory. */
export function zipEntries(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(offset + 10);
    const compressed = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      size,
      read() {
        const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
        const data = buffer.subarray(start, start + compressed);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function check(file) {
  const entries = zipEntries(readFileSync(file));
  const names = entries.map((entry) => entry.name);
  const problems = [];
  const byLower = new Map(names.map((name) => [name.toLowerCase(), name]));
  for (const expected of EXPECTED) if (!byLower.has(expected.toLowerCase())) problems.push(`missing: ${expected}`);
  const expectedLower = new Set(EXPECTED.map((name) => name.toLowerCase()));
  for (const name of names) if (!expectedLower.has(name.toLowerCase())) problems.push(`unexpected: ${name}`);
  for (const entry of entries)
    if (entry.size < 100) problems.push(`suspiciously small: ${entry.name} (${entry.size} B)`);
  const packaged = entries.find((entry) => entry.name === "extension/package.json");
  if (packaged) {
    const json = JSON.parse(packaged.read().toString("utf8"));
    const main = json.main?.replace(/^\.\//, "");
    if (!names.includes(`extension/${main}`)) problems.push(`package.json main "${json.main}" is not in the package`);
  }
  return { names, problems };
}

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
const { names, problems } = check(vsixPath);
if (problems.length > 0) {
  process.stderr.write(`The package ${vsixPath} is not as expected:\n  ${problems.join("\n  ")}\n`);
  process.exit(1);
}
process.stdout.write(`packaged ${vsixPath}: ${names.length} files, checked\n`);
