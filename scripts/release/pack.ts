/**
 * @module
 * Packs the published packages exactly as `pnpm publish` would (`publishConfig` applied, `workspace:` versions
 * replaced), so that the release checks look at what a user downloads rather than at the repository.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The folders of the packages that are published to the registry. */
export const publishedPackageDirs = ["packages/sdk", "packages/server-lite"] as const;

/** A packed package: its name, version and the tarball's absolute path. */
export interface PackedPackage {
  name: string;
  version: string;
  dir: string;
  tarball: string;
}

/**
 * Runs `pnpm pack` in each published package (after a build: `dist/` is what ships) into `destination`.
 *
 * @example
 * const [sdk, serverLite] = packPublished(mkdtempSync(join(tmpdir(), "packs-")));
 */
export function packPublished(destination: string): PackedPackage[] {
  return publishedPackageDirs.map((dir) => {
    const cwd = join(repositoryRoot, dir);
    const manifest = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { name: string; version: string };
    execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd, stdio: "pipe" });
    const file = `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`;
    return { name: manifest.name, version: manifest.version, dir, tarball: join(destination, file) };
  });
}
