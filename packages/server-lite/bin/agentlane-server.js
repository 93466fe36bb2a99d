#!/usr/bin/env node
/**
 * @module
 * The `agentlane-server` command. Written for any Node, so that an older one prints one line naming the version
 * needed (from this package's `engines`) instead of a raw module error; on a recent enough Node it hides only
 * SQLite's ExperimentalWarning and hands over to the CLI. Being a committed file, the bin exists before a build,
 * so installing the workspace prints no bin warnings.
 */
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const needed = manifest.engines.node.replace(/^>=\s*/, "");

/** Whether dotted version `actual` is at least `minimum` (both `major.minor[.patch]`). */
function atLeast(actual, minimum) {
  const a = actual.split(".").map(Number);
  const m = minimum.split(".").map(Number);
  for (let i = 0; i < m.length; i++) if ((a[i] ?? 0) !== m[i]) return (a[i] ?? 0) > m[i];
  return true;
}

if (!atLeast(process.versions.node, needed)) {
  process.stderr.write(
    `agentlane-server needs Node ${needed} or newer (for node:sqlite); this is Node ${process.versions.node}\n`,
  );
  process.exit(1);
}

// node:sqlite warns that it is experimental each time it loads; the server's users cannot act on that.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const text = typeof warning === "string" ? warning : warning?.message;
  const type = typeof rest[0] === "string" ? rest[0] : (rest[0]?.type ?? warning?.name);
  if (type === "ExperimentalWarning" && /SQLite/.test(String(text))) return;
  emitWarning(warning, ...rest);
};

await import("../dist/cli.js");
