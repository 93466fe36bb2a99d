/**
 * @module
 * `changeset version` as a release would run it, on a copy of the workspace's manifests, changelogs and pending
 * changesets in a temporary folder (the repository's versions never change): it must succeed, give every package
 * a pending changeset names (and the published ones, through one changeset of the check's own) a new version with
 * a changelog entry, and consume the changesets.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { publishedPackageDirs, repositoryRoot } from "./pack.ts";

const run = promisify(execFile);
const copy = mkdtempSync(join(tmpdir(), "agentlane-changeset-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Package folders by name, read from a workspace at `root`. */
function manifests(root: string): Map<string, { dir: string; version: string }> {
  const found = new Map<string, { dir: string; version: string }>();
  for (const parent of ["packages", "examples"])
    for (const dir of readdirSync(join(root, parent))) {
      const file = join(root, parent, dir, "package.json");
      if (!existsSync(file)) continue;
      const { name, version } = JSON.parse(readFileSync(file, "utf8")) as { name: string; version: string };
      found.set(name, { dir: join(parent, dir), version });
    }
  return found;
}

/** The package names the pending changesets bump (not those the changesets config ignores, which keep their version). */
function bumpedByChangesets(root: string): Set<string> {
  const names = new Set<string>();
  const { ignore = [] } = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8")) as {
    ignore?: string[];
  };
  for (const file of readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, ".changeset", file), "utf8"))?.[1] ?? "";
    for (const match of front.matchAll(/^["']?([^"':]+)["']?:\s*(major|minor|patch)\s*$/gm)) names.add(match[1]!);
  }
  for (const name of ignore) names.delete(name);
  return names;
}

it("versions the packages and writes their changelogs, in a copy of the workspace", { timeout: 120_000 }, async () => {
  const tracked = execFileSync(
    "git",
    [
      "ls-files",
      "package.json",
      "pnpm-workspace.yaml",
      ".changeset",
      "packages/*/package.json",
      "packages/*/CHANGELOG.md",
      "examples/*/package.json",
    ],
    { cwd: repositoryRoot, encoding: "utf8" },
  );
  execFileSync("tar", ["-cf", join(copy, "files.tar"), ...tracked.split("\n").filter(Boolean)], {
    cwd: repositoryRoot,
  });
  execFileSync("tar", ["-xf", "files.tar"], { cwd: copy });
  // One more changeset of the copy's own, so that the flow is exercised even when none is pending.
  const published = publishedPackageDirs.map(
    (dir) => JSON.parse(readFileSync(join(copy, dir, "package.json"), "utf8")).name,
  );
  writeFileSync(
    join(copy, ".changeset", "release-check.md"),
    `---\n${published.map((name) => `"${name}": patch`).join("\n")}\n---\n\nA release check.\n`,
  );
  const before = manifests(copy);
  const bumped = bumpedByChangesets(copy);

  await run(join(repositoryRoot, "node_modules", ".bin", "changeset"), ["version"], { cwd: copy });

  const after = manifests(copy);
  for (const name of bumped) {
    const { dir, version } = after.get(name)!;
    expect(version, name).not.toBe(before.get(name)!.version);
    expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync(join(copy, dir, "CHANGELOG.md"), "utf8"), name).toContain(`## ${version}\n`);
  }
  expect(bumpedByChangesets(copy).size).toBe(0);
  expect(manifests(repositoryRoot)).toEqual(before);
});
