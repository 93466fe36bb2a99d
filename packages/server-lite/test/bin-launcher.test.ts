/**
 * @module
 * The `agentlane-server` launcher's version check, and the store's stated minimum matching the package's
 * `engines`. A copy of the launcher beside a manifest that asks for a Node from the future stands in for running
 * it on an old Node.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { MINIMUM_NODE } from "../src/store/sqlite.ts";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "agentlane-launcher-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("declares in engines the Node version the store needs", () => {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  expect(manifest.engines.node).toBe(`>=${MINIMUM_NODE}`);
});

it("refuses a Node older than engines.node in one line naming the version needed", async () => {
  mkdirSync(join(scratch, "bin"));
  copyFileSync(join(packageDir, "bin", "agentlane-server.js"), join(scratch, "bin", "agentlane-server.js"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ type: "module", engines: { node: ">=99.1" } }));
  const failure = await run(process.execPath, [join(scratch, "bin", "agentlane-server.js"), "--help"]).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure).toMatchObject({
    code: 1,
    stdout: "",
    stderr: `agentlane-server needs Node 99.1 or newer (for node:sqlite); this is Node ${process.versions.node}\n`,
  });
});
