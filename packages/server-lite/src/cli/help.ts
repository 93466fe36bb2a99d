/**
 * @module
 * What `agentlane-server --help` shows after the options, and `--version`: examples that start each platform the
 * way a first session needs it, and the package's version, read from its manifest so that it cannot go stale.
 */
import { existsSync, readFileSync } from "node:fs";
import type { PlatformId } from "../platforms/index.ts";

/** One example per platform: the command and what it gives. */
export const platformExamples: Record<PlatformId, { args: string; gives: string }> = {
  actus: { args: "--seed --platform actus", gives: "Actus at /api; admin@actus.local / admin123456" },
  caipe: { args: "--seed --platform caipe", gives: "CAIPE Skills at /api; an admin's and a user's token printed" },
  ccjk: { args: "--seed --platform ccjk", gives: "CCJK Cloud at /api/v1; an API key and an OAuth client printed" },
  claudenest: {
    args: "--seed --platform claudenest --exec bash",
    gives: "ClaudeNest at /api; sessions run a real bash; a token and the machine's token printed",
  },
  coordinaitor: {
    args: "--seed --platform coordinaitor",
    gives: "CoordinAItor at its documented root; admin@orchestrator.com / admin123",
  },
};

/**
 * The examples section of `--help`.
 *
 * @example
 * process.stdout.write(`${usage}\n\n${examplesText()}\n`);
 */
export function examplesText(): string {
  const lines: [string, string][] = [
    ["agentlane-server --seed", "every platform under its own prefix (/claudenest/api, ...), demo data printed"],
    ...Object.values(platformExamples).map(({ args, gives }): [string, string] => [`agentlane-server ${args}`, gives]),
    ["agentlane-server --port 0 --seed --lite", "a free port (printed); /_lite/seed answers the demo credentials"],
    ["agentlane-server --db dev.db --seed", "state kept in dev.db across restarts"],
    ["agentlane-server ccjk api-key create --db dev.db", "a platform's own command, run on that store"],
  ];
  const width = Math.max(...lines.map(([command]) => command.length)) + 2;
  return `Examples:\n${lines.map(([command, gives]) => `  ${command.padEnd(width)}${gives}`).join("\n")}`;
}

/**
 * This package's version, from its `package.json`: the nearest one above this module that names the package (the
 * module runs from `src/cli/` in the repository and from a bundle in `dist/` when installed).
 */
export function packageVersion(): string {
  for (let up = "../"; up.length <= 12; up += "../") {
    const file = new URL(`${up}package.json`, import.meta.url);
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name === "@agentlane/server-lite" && manifest.version) return manifest.version;
  }
  throw new Error("@agentlane/server-lite: its package.json was not found");
}
