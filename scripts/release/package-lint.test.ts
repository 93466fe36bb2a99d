/**
 * @module
 * publint and Are the Types Wrong? on the tarballs `pnpm pack` makes, so that a package whose manifest names a file
 * it does not ship, or whose types resolve differently from its JavaScript, cannot land. The packages are ES
 * modules only, hence attw's `esm-only` profile (CommonJS callers load them through Node's `require` of ESM).
 * Needs a build.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { type PackedPackage, packPublished, repositoryRoot } from "./pack.ts";

const run = promisify(execFile);
const packs = mkdtempSync(join(tmpdir(), "agentlane-packs-"));
const packed: PackedPackage[] = packPublished(packs);
afterAll(() => rmSync(packs, { recursive: true, force: true }));

const bin = (name: string) => join(repositoryRoot, "node_modules", ".bin", name);

describe.each(packed.map((p) => [p.name, p] as const))("%s as packed", { timeout: 120_000 }, (_name, pkg) => {
  it("is clean for publint, suggestions included", async () => {
    const { stdout } = await run(bin("publint"), ["run", pkg.tarball, "--strict", "--level", "suggestion"]);
    expect(stdout).toContain("All good!");
  });

  it("is clean for Are the Types Wrong? (esm-only profile)", async () => {
    await expect(run(bin("attw"), [pkg.tarball, "--profile", "esm-only", "--format", "ascii"])).resolves.toBeDefined();
  });

  it("publishes no export condition that points into src/", async () => {
    const { stdout } = await run("tar", ["-xzOf", pkg.tarball, "package/package.json"]);
    const manifest = JSON.parse(stdout) as { exports: object; files: string[] };
    expect(JSON.stringify(manifest.exports)).not.toContain("./src/");
    expect(JSON.stringify(manifest.exports)).not.toContain("agentlane-source");
    const { stdout: listing } = await run("tar", ["-tzf", pkg.tarball]);
    expect(listing.split("\n")).toEqual(expect.arrayContaining(["package/LICENSE", "package/README.md"]));
  });
});
