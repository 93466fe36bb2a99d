/**
 * @module
 * A project of a user's own, outside the repository, with the packed packages installed by pnpm from their
 * tarballs. The install is offline: the lockfile written here takes every third-party package's resolution from
 * the repository's lockfile, so pnpm needs no registry metadata and reads the packages from the local store.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse, stringify } from "yaml";
import { type PackedPackage, repositoryRoot } from "./pack.ts";

type Lockfile = {
  importers: Record<string, { dependencies?: Record<string, { specifier: string; version: string }> }>;
  packages: Record<string, Record<string, unknown>>;
  snapshots: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/**
 * Makes `dir` a project depending on every packed package (and on `extra`, workspace-installed packages such as
 * `typescript`, by their repository versions), then runs `pnpm install --offline --frozen-lockfile` in it.
 *
 * @example
 * installScratchProject(scratch, packPublished(packs), ["typescript"]);
 */
export function installScratchProject(dir: string, packed: PackedPackage[], extra: string[] = []): void {
  const lock = parse(readFileSync(join(repositoryRoot, "pnpm-lock.yaml"), "utf8")) as Lockfile;
  const fileSpec = new Map<string, string>();
  for (const pkg of packed) {
    copyFileSync(pkg.tarball, join(dir, basename(pkg.tarball)));
    fileSpec.set(pkg.name, `file:${basename(pkg.tarball)}`);
  }
  const importer: Record<string, { specifier: string; version: string }> = {};
  const manifestDependencies: Record<string, string> = {};
  for (const pkg of packed) {
    const spec = fileSpec.get(pkg.name)!;
    importer[pkg.name] = { specifier: spec, version: spec };
    manifestDependencies[pkg.name] = spec;
    const workspaceDeps = lock.importers[pkg.dir]?.dependencies ?? {};
    const dependencies: Record<string, string> = {};
    for (const [name, { version }] of Object.entries(workspaceDeps))
      dependencies[name] = version.startsWith("link:") ? fileSpec.get(name)! : version;
    const packedManifest = packedPackageJson(pkg.tarball);
    lock.packages[`${pkg.name}@${spec}`] = {
      resolution: { integrity: integrityOf(pkg.tarball), tarball: spec },
      version: pkg.version,
      ...(packedManifest.engines ? { engines: packedManifest.engines } : {}),
      ...(packedManifest.bin ? { hasBin: true } : {}),
    };
    lock.snapshots[`${pkg.name}@${spec}`] = { dependencies };
  }
  for (const name of extra) {
    const found = Object.values(lock.importers)
      .flatMap((i) => Object.entries({ ...i.dependencies, ...(i as { devDependencies?: object }).devDependencies }))
      .find(([dep]) => dep === name) as [string, { specifier: string; version: string }] | undefined;
    if (!found) throw new Error(`${name} is not installed in the repository`);
    importer[name] = found[1];
    manifestDependencies[name] = found[1].specifier;
  }
  lock.importers = { ".": { dependencies: importer } };
  writeFileSync(join(dir, "pnpm-lock.yaml"), stringify(lock));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "scratch", private: true, dependencies: manifestDependencies }, null, 2),
  );
  // A workspace file of its own keeps pnpm from walking up into whatever project the folder sits in.
  writeFileSync(join(dir, "pnpm-workspace.yaml"), "packages: []\n");
  const store = execFileSync("pnpm", ["store", "path"], { cwd: repositoryRoot, encoding: "utf8" }).trim();
  execFileSync("pnpm", ["install", "--offline", "--frozen-lockfile", "--store-dir", store], {
    cwd: dir,
    stdio: "pipe",
  });
}

function integrityOf(file: string): string {
  return `sha512-${createHash("sha512").update(readFileSync(file)).digest("base64")}`;
}

function packedPackageJson(tarball: string): { engines?: object; bin?: object } {
  const text = execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" });
  return JSON.parse(text);
}
