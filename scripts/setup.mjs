#!/usr/bin/env node
/**
 * @module
 * Idempotent bootstrap, written for any Node >= 18 with only npm beside it.
 *
 * 1. When the running Node is older than the project needs, install Node 24 from the npm registry
 *    (`node-<platform>-<arch>` ships the binary) into `.tools/node` and use it for everything after.
 * 2. Provide the pnpm version pinned by `packageManager` in `.tools/pnpm` (installed with npm, because
 *    corepack's signature check fails against the registry mirrors some machines reach).
 * 3. `pnpm install --frozen-lockfile`, then build the packages, each only when its inputs changed.
 * 4. With `--e2e`: install what the VS Code extension's end-to-end tests need (code-server, chromium), once
 *    per machine, outside the clone (`packages/vscode-extension/scripts/install-e2e.mjs`).
 * 5. With `--oldest-node`: install the oldest Node every published package declares it runs on (the highest of
 *    their `engines.node` minimums) into `.tools/node-<version>`, and name it in `AGENTLANE_EXTRA_NODES`, so the
 *    packed-package test runs the READMEs' examples on it as well as on the newest.
 * 6. Run the command given after `--` with that Node and pnpm first on PATH.
 *
 * Usage: `node scripts/setup.mjs [--quiet] [--e2e] [--oldest-node] [-- command args...]`
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tools = join(root, ".tools");
const NODE_VERSION = "24.21.0";
const MIN_NODE = [22, 18];

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const flags = sep === -1 ? argv : argv.slice(0, sep);
const command = sep === -1 ? [] : argv.slice(sep + 1);
const quiet = flags.includes("--quiet") || process.env.AGENTLANE_SETUP_QUIET === "1";
const log = (msg) => {
  if (!quiet) process.stderr.write(`setup: ${msg}\n`);
};

/** Runs a setup step; in quiet mode its output is shown only when it fails. */
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    stdio: quiet ? "pipe" : "inherit",
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    process.stderr.write(`setup: \`${cmd} ${args.join(" ")}\` exited with ${result.status}\n`);
    process.exit(result.status ?? 1);
  }
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** Installs one npm package (`name@version`) into `prefix`, outside the workspace and its lockfile. */
function npmInstall(prefix, spec) {
  mkdirSync(prefix, { recursive: true });
  run("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--ignore-scripts", spec]);
}

/** Installs `node-<platform>-<arch>@version` into `prefix` (the npm package ships the binary). */
function installNode(prefix, version) {
  npmInstall(prefix, `node-${process.platform}-${process.arch}@${version}`);
}

/** Returns the directory holding the `node` binary to use, installing Node when needed. */
function ensureNode() {
  if (nodeIsRecentEnough(process.version)) return dirname(process.execPath);
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(tools, "node");
  const home = join(prefix, "node_modules", pkg);
  const bin = join(home, "bin");
  if (!existsSync(join(bin, "node"))) {
    log(
      `Node ${process.version} is older than ${MIN_NODE.join(".")}; installing ${pkg}@${NODE_VERSION} into .tools/node`,
    );
    installNode(prefix, NODE_VERSION);
  }
  // Native addons built by node-gyp must use the headers of the Node that runs them.
  process.env.npm_config_nodedir = home;
  return bin;
}

/** The oldest Node every published package runs on: the highest `engines.node` minimum, as `x.y.z`. */
function oldestDeclaredNode() {
  const minimums = ["sdk", "server-lite"].map((name) => {
    const { engines } = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8"));
    const [major, minor = 0, patch = 0] = engines.node
      .replace(/^>=\s*/, "")
      .split(".")
      .map(Number);
    return [major, minor, patch];
  });
  minimums.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return minimums.at(-1).join(".");
}

/** Installs the oldest declared Node into `.tools/node-<version>` once; returns its `node` binary. */
function ensureOldestNode() {
  const version = oldestDeclaredNode();
  const prefix = join(tools, `node-${version}`);
  const node = join(prefix, "node_modules", `node-${process.platform}-${process.arch}`, "bin", "node");
  if (!existsSync(node)) {
    log(`installing Node ${version} (the oldest the packages declare) into .tools/node-${version}`);
    installNode(prefix, version);
  }
  return node;
}

function ensurePnpm(nodeBin) {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const version = manifest.packageManager.replace(/^pnpm@/, "").split("+")[0];
  const prefix = join(tools, "pnpm");
  const home = join(prefix, "node_modules", "pnpm");
  const installed =
    existsSync(join(home, "package.json")) && JSON.parse(readFileSync(join(home, "package.json"), "utf8")).version;
  if (installed !== version) {
    log(`installing pnpm@${version} into .tools/pnpm`);
    npmInstall(prefix, `pnpm@${version}`);
  }
  const shim = join(tools, "bin");
  mkdirSync(shim, { recursive: true });
  const script = `#!/bin/sh\nexec "${join(nodeBin, "node")}" "${join(home, "bin", "pnpm.cjs")}" "$@"\n`;
  const target = join(shim, "pnpm");
  if (!existsSync(target) || readFileSync(target, "utf8") !== script) writeFileSync(target, script, { mode: 0o755 });
  return shim;
}

/** A hash of every file below `dirs` (skipping build output), so work is redone only when inputs change. */
function hashInputs(paths) {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "node_modules" || name === "dist" || name === "test-results" || name.startsWith(".")) continue;
        walk(join(p, name));
      }
    } else {
      hash.update(relative(root, p)).update(readFileSync(p));
    }
  };
  for (const p of paths) walk(join(root, p));
  return hash.digest("hex");
}

function stamped(name, inputs, work) {
  const stampFile = join(tools, `${name}.stamp`);
  const digest = hashInputs(inputs);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest) return;
  work();
  writeFileSync(stampFile, digest);
}

const nodeBin = ensureNode();
mkdirSync(tools, { recursive: true });
const shimBin = ensurePnpm(nodeBin);
process.env.PATH = [nodeBin, shimBin, join(root, "node_modules", ".bin"), process.env.PATH].join(delimiter);
const manifests = [
  "package.json",
  "pnpm-lock.yaml",
  "pnpm-workspace.yaml",
  ...["sdk", "server-lite", "vscode-extension"].map((p) => `packages/${p}/package.json`),
];

stamped("install", manifests, () => {
  log("installing dependencies (pnpm install --frozen-lockfile)");
  run("pnpm", ["install", "--frozen-lockfile"]);
});
stamped(
  "build",
  [...manifests, "tsconfig.base.json", "packages/sdk", "packages/server-lite", "packages/vscode-extension", "scripts"],
  () => {
    log("building packages");
    run("pnpm", ["-r", "--reporter-hide-prefix", "run", "build"]);
  },
);

if (flags.includes("--e2e")) {
  const { installE2e } = await import("../packages/vscode-extension/scripts/install-e2e.mjs");
  installE2e();
}

if (flags.includes("--oldest-node")) {
  const extra = process.env.AGENTLANE_EXTRA_NODES?.split(delimiter).filter(Boolean) ?? [];
  process.env.AGENTLANE_EXTRA_NODES = [...extra, ensureOldestNode()].join(delimiter);
}

if (command.length > 0) {
  const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", cwd: process.cwd(), env: process.env });
  if (result.error) throw result.error;
  process.exit(result.status ?? (result.signal ? 1 : 0));
}
