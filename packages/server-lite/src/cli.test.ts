import { type ChildProcess, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_EMAIL } from "./platforms/claudenest/seed.ts";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
});

function start(...args: string[]) {
  const child = spawn(process.execPath, ["--conditions=agentlane-source", cli, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves with stdout once it contains `marker`; rejects if the process exits first. */
    waitFor: (marker: string) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (!stdout.includes(marker)) return;
          child.stdout!.off("data", check);
          resolve(stdout);
        };
        child.stdout!.on("data", check);
        exited.then(([code]) => reject(new Error(`exited with ${code} before printing "${marker}":\n${stderr}`)));
        check();
      }),
  };
}

// Each test starts a fresh Node that strips the types of all of server-lite's sources before it prints
// anything; on a busy machine that alone can outlast the default 20 s, so these tests get a wider bound. They
// still wait on what the process prints, never on a time.
describe("agentlane-server (cli.ts)", { timeout: 90_000 }, () => {
  it("serves on a free port with a demo account, and stops cleanly on SIGINT", async () => {
    const server = start("--port", "0", "--seed");
    const banner = await server.waitFor("Press Ctrl-C to stop.");
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
    const token = /demo claudenest token:\s+(\S+)/.exec(banner)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toMatch(/^cn_/);
    expect(banner).toContain(`claudenest   ${url}/claudenest/api`);
    expect(banner).toContain(
      `claudenest   ${url!.replace("http", "ws")}/claudenest/app/claudenest (Pusher app key claudenest)`,
    );

    const response = await fetch(`${url}/claudenest/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect((await response.json()).data.user.email).toBe(DEMO_EMAIL);
    // The CLI enforces the documented rate limits.
    expect(response.headers.get("x-ratelimit-limit")).toBe("1000");

    server.child.kill("SIGINT");
    expect(await server.exited).toEqual([0, null]);
    expect(server.output().stderr).toBe("");
  });

  it("prints what seeding made in each platform's own terms", async () => {
    const server = start("--port", "0", "--seed", "--platform", "caipe");
    const banner = await server.waitFor("Press Ctrl-C to stop.");
    expect(banner).toMatch(/demo caipe adminToken: caipe_\S+/);
    expect(banner).toMatch(/demo caipe userToken: caipe_\S+/);
    expect(banner).not.toContain("undefined");
  });

  it("applies --db, --platform, --lite, --no-cors and --no-rate-limit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agentlane-cli-"));
    try {
      const db = join(dir, "lite.db");
      const server = start(
        "--port",
        "0",
        "--db",
        db,
        "--platform",
        "claudenest",
        "--lite",
        "--no-cors",
        "--no-rate-limit",
      );
      const url = /listening on (http:\/\/\S+)/.exec(await server.waitFor("Press Ctrl-C to stop."))?.[1];
      expect(existsSync(db)).toBe(true);
      // Mounted at the documented root, without rate-limit headers.
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get("x-ratelimit-limit")).toBeNull();
      expect((await fetch(`${url}/_lite/clock`)).status).toBe(200);
      const preflight = await fetch(`${url}/api/health`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "GET" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
      server.child.kill("SIGINT");
      expect(await server.exited).toEqual([0, null]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves https with --tls and prints the certificate it made, and takes --claudenest-compat", async () => {
    const server = start("--port", "0", "--platform", "claudenest", "--tls", "--claudenest-compat", "real");
    const banner = await server.waitFor("Press Ctrl-C to stop.");
    const url = /listening on (https:\/\/\S+)/.exec(banner)?.[1];
    expect(url).toBeDefined();
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(banner)?.[0];
    const fingerprint = /SHA-256 fingerprint (\S+)/.exec(banner)?.[1];
    expect(new X509Certificate(cert!).fingerprint256).toBe(fingerprint);
    const status = await new Promise<number>((resolve, reject) =>
      get(`${url}/api/health`, { ca: cert }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on("error", reject),
    );
    expect(status).toBe(200);
    server.child.kill("SIGINT");
    expect(await server.exited).toEqual([0, null]);
  });

  it("answers CORS preflights by default and serves no /_lite routes", async () => {
    const server = start("--port", "0");
    const url = /listening on (http:\/\/\S+)/.exec(await server.waitFor("Press Ctrl-C to stop."))?.[1];
    const preflight = await fetch(`${url}/claudenest/api/health`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect((await fetch(`${url}/_lite/clock`)).status).toBe(404);
    server.child.kill("SIGINT");
    expect(await server.exited).toEqual([0, null]);
  });

  it("exits with 2 and the usage on a bad flag", async () => {
    const cases = [
      ["--bogus"],
      ["--port", "abc"],
      ["--port", "70000"],
      ["--platform", "nowhere"],
      ["--claudenest-compat", "laravel"],
    ];
    const runs = cases.map((args) => ({ args: args.join(" "), run: start(...args) }));
    for (const { args, run } of runs) {
      expect(await run.exited, args).toEqual([2, null]);
      const { stdout, stderr } = run.output();
      expect(stdout, args).toBe("");
      expect(stderr, args).toMatch(/^agentlane-server: .+\n\nUsage: agentlane-server \[options\]/);
    }
  });

  it("prints the usage with --help and exits with 0", async () => {
    const run = start("--help");
    expect(await run.exited).toEqual([0, null]);
    expect(run.output().stdout).toMatch(/^Usage: agentlane-server \[options\]\n/);
  });

  it("hands `<platform> <command...>` to the platform's commands, and refuses a platform that has none", async () => {
    const run = start("claudenest", "api-key", "list");
    expect(await run.exited).toEqual([2, null]);
    expect(run.output().stderr).toMatch(/^agentlane-server: the platform "claudenest" has no commands\n/);
  });
});
