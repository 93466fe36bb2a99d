/**
 * @module
 * The published packages as a user gets them: packed by pnpm, installed from the tarballs into a project outside
 * the repository, and the READMEs' first examples run from there (as ES modules, as CommonJS and through the
 * TypeScript compiler with `moduleResolution` node16 and bundler), the SDK's against `agentlane-server` started
 * from the installed package. Needs a build (`dist/` is what ships). Besides the Node running the tests, the
 * examples run on every Node binary listed in `AGENTLANE_EXTRA_NODES` (colon-separated): `npm test` names the
 * oldest Node the packages declare there (`scripts/setup.mjs --oldest-node` installs it).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packPublished } from "./pack.ts";
import { installScratchProject } from "./scratch-project.ts";
import { asCommonJs, firstTypeScriptBlock } from "./snippets.ts";

const run = promisify(execFile);
const nodes = [process.execPath, ...(process.env.AGENTLANE_EXTRA_NODES?.split(":").filter(Boolean) ?? [])];
let scratch: string;
const servers: ChildProcess[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "agentlane-scratch-"));
  const packs = join(scratch, "packs");
  mkdirSync(packs);
  installScratchProject(scratch, packPublished(packs), ["typescript", "@types/node"]);
}, 180_000);

afterAll(() => {
  for (const server of servers) server.kill();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const readme = (pkg: string) => join(scratch, "node_modules", "@agentlane", pkg, "README.md");

/** Starts the installed `agentlane-server` on a free port; resolves with its URL and demo token. */
async function startInstalledServer(node: string): Promise<{ url: string; token: string }> {
  const bin = join(scratch, "node_modules", "@agentlane", "server-lite", "bin", "agentlane-server.js");
  const child = spawn(node, [bin, "--port", "0", "--seed", "--platform", "claudenest"], { cwd: scratch });
  servers.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      const token = /demo claudenest token:\s+(\S+)/.exec(stdout)?.[1];
      if (url && token && stdout.includes("Press Ctrl-C")) {
        expect(stderr).toBe(""); // no warnings, experimental or otherwise
        resolve({ url, token });
      }
    });
    child.on("exit", (code) => reject(new Error(`agentlane-server exited with ${code}:\n${stderr}`)));
  });
}

describe.each(nodes)("the packed packages on %s", { timeout: 60_000 }, (node) => {
  it("run the SDK README's first example against the installed agentlane-server, as ESM and as CommonJS", async () => {
    const { url, token } = await startInstalledServer(node);
    const snippet = firstTypeScriptBlock(readme("sdk")).replaceAll("http://127.0.0.1:8000", url);
    writeFileSync(join(scratch, "sdk-first-call.mjs"), snippet);
    writeFileSync(join(scratch, "sdk-first-call.cjs"), asCommonJs(snippet));
    const env = { ...process.env, CLAUDENEST_TOKEN: token };
    for (const file of ["sdk-first-call.mjs", "sdk-first-call.cjs"]) {
      const { stdout, stderr } = await run(node, [file], { cwd: scratch, env });
      expect(stdout, file).toBe("demo@agentlane.dev has 1 machine(s): Demo Workstation\n");
      expect(stderr, file).toBe("");
    }
  });

  it("run server-lite's README first example in-process", async () => {
    writeFileSync(join(scratch, "lite-first-call.mjs"), firstTypeScriptBlock(readme("server-lite")));
    const { stdout } = await run(node, ["lite-first-call.mjs"], { cwd: scratch });
    expect(stdout).toBe("Demo Workstation (offline)\n");
  });
});

describe.each([
  ["node16", { module: "node16", moduleResolution: "node16" }],
  ["bundler", { module: "preserve", moduleResolution: "bundler" }],
])("the READMEs' first examples typecheck with moduleResolution %s", (_name, options) => {
  it("without errors, the packages' own declarations included", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(scratch, "ts-"));
    writeFileSync(join(dir, "sdk.mts"), firstTypeScriptBlock(readme("sdk")));
    writeFileSync(join(dir, "lite.mts"), firstTypeScriptBlock(readme("server-lite")));
    const compilerOptions = { ...options, target: "es2023", strict: true, noEmit: true, types: ["node"] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.mts"] }));
    const tsc = join(scratch, "node_modules", ".bin", "tsc");
    await expect(run(tsc, ["-p", dir], { cwd: dir })).resolves.toMatchObject({ stdout: "" });
  });
});
