#!/usr/bin/env node
/**
 * @module
 * Installs what the extension's end-to-end tests need, outside the clone so that it is slow only once per
 * machine: Debian's `chromium` (driven by playwright-core) and `libkrb5-dev` (code-server's `kerberos`
 * module is built from source) through apt when missing, Node 24 (code-server's postinstall accepts no other
 * major version) and code-server itself from the npm registry, each in a folder keyed by its version under
 * `~/.cache/agentlane` (or `$AGENTLANE_CACHE`).
 *
 * It never fails the caller: what could not be installed is written to `e2e-install.json` in the cache, and
 * the end-to-end test fails with that message. `node install-e2e.mjs --print` prints the paths as JSON.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const CODE_SERVER_VERSION = "4.139.1";
export const NODE24_VERSION = "24.21.0";
const APT_PACKAGES = { chromium: "/usr/bin/chromium", "libkrb5-dev": "/usr/include/gssapi/gssapi.h" };

export function e2ePaths(cache = process.env.AGENTLANE_CACHE ?? join(homedir(), ".cache", "agentlane")) {
  const node24 = join(cache, `node-${NODE24_VERSION}`, "node_modules", `node-${process.platform}-${process.arch}`);
  const codeServerDir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    status: join(cache, "e2e-install.json"),
    chromium: process.env.AGENTLANE_CHROMIUM ?? APT_PACKAGES.chromium,
    node24Home: node24,
    node24: join(node24, "bin", "node"),
    codeServerDir,
    codeServer: join(codeServerDir, "node_modules", ".bin", "code-server"),
  };
}

const log = (message) => process.stderr.write(`e2e setup: ${message}\n`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.error) return { ok: false, output: result.error.message };
  return { ok: result.status === 0, output };
}

function ensureApt(problems) {
  const missing = Object.entries(APT_PACKAGES)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  const sudo = !root && run("sudo", ["-n", "true"]).ok;
  if (!root && !sudo) {
    problems.push(`apt packages missing (${missing.join(", ")}) and no root or passwordless sudo to install them`);
    return;
  }
  const prefix = root ? [] : ["sudo", "-n"];
  const apt = (args) => {
    const [cmd, ...rest] = [...prefix, "apt-get", ...args];
    return run(cmd, rest, { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  log(`installing ${missing.join(", ")} with apt-get (once per machine)`);
  apt(["update"]);
  const result = apt(["install", "-y", ...missing]);
  if (!result.ok) problems.push(`apt-get install ${missing.join(" ")} failed:\n${result.output.slice(-2000)}`);
}

function ensureNode24(paths, problems) {
  if (existsSync(paths.node24)) return true;
  log(`installing Node ${NODE24_VERSION} for code-server into ${paths.node24Home}`);
  const prefix = join(paths.cache, `node-${NODE24_VERSION}`);
  mkdirSync(prefix, { recursive: true });
  const pkg = `node-${process.platform}-${process.arch}@${NODE24_VERSION}`;
  const result = run("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--ignore-scripts", pkg]);
  if (!result.ok || !existsSync(paths.node24)) {
    problems.push(`npm install ${pkg} failed:\n${result.output.slice(-2000)}`);
    return false;
  }
  return true;
}

function ensureCodeServer(paths, problems) {
  if (existsSync(paths.codeServer) && existsSync(join(paths.codeServerDir, ".complete"))) return;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${paths.codeServerDir} (about 2 minutes, once per machine)`);
  rmSync(paths.codeServerDir, { recursive: true, force: true });
  mkdirSync(paths.codeServerDir, { recursive: true });
  writeFileSync(join(paths.codeServerDir, "package.json"), '{ "name": "agentlane-code-server", "private": true }\n');
  const env = { ...process.env, PATH: `${join(paths.node24Home, "bin")}:${process.env.PATH}` };
  // Native modules are built against the headers of the Node that runs them; npm's own config may point elsewhere.
  env.npm_config_nodedir = paths.node24Home;
  for (const key of Object.keys(env)) if (/^npm_config_(prefix|global|location)$/i.test(key)) delete env[key];
  const result = run(
    "npm",
    ["install", "--foreground-scripts", "--no-audit", "--no-fund", `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: paths.codeServerDir,
      env,
    },
  );
  if (!result.ok || !existsSync(paths.codeServer)) {
    problems.push(`npm install code-server@${CODE_SERVER_VERSION} failed:\n${result.output.slice(-3000)}`);
    return;
  }
  writeFileSync(join(paths.codeServerDir, ".complete"), `${new Date().toISOString()}\n`);
}

export function installE2e() {
  const paths = e2ePaths();
  mkdirSync(paths.cache, { recursive: true });
  const problems = [];
  if (process.platform !== "linux") {
    problems.push(`the end-to-end setup supports Linux (Debian) only, not ${process.platform}`);
  } else {
    ensureApt(problems);
    if (ensureNode24(paths, problems)) ensureCodeServer(paths, problems);
  }
  writeFileSync(paths.status, `${JSON.stringify({ ok: problems.length === 0, problems, paths }, null, 2)}\n`);
  if (problems.length > 0) log(`not ready; the end-to-end tests will fail with:\n${problems.join("\n")}`);
  return problems;
}

/** What the last installation reported, for the tests' message. */
export function readE2eStatus(cache) {
  const paths = e2ePaths(cache);
  if (!existsSync(paths.status)) return { ok: false, problems: ["the end-to-end setup has not run"], paths };
  return JSON.parse(readFileSync(paths.status, "utf8"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--print")) process.stdout.write(`${JSON.stringify(e2ePaths(), null, 2)}\n`);
  else installE2e();
}
