/**
 * @module
 * Reads a `.vsix` (a zip file) and checks its contents: exactly the expected files (names compared without
 * case, as vsce lower-cases some), none suspiciously small, and the manifest's `main` inside the package.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

/** What the extension's package holds, and nothing else. */
export const EXPECTED = [
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

/** Answers the package's file names and what is wrong with it (nothing, for a good package). */
export function checkVsix(file, expected = EXPECTED) {
  const entries = zipEntries(readFileSync(file));
  const names = entries.map((entry) => entry.name);
  const problems = [];
  const byLower = new Map(names.map((name) => [name.toLowerCase(), name]));
  for (const name of expected) if (!byLower.has(name.toLowerCase())) problems.push(`missing: ${name}`);
  const expectedLower = new Set(expected.map((name) => name.toLowerCase()));
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
