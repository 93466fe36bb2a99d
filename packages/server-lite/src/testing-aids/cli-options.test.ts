/**
 * The CLI's testing aids: `--chaos` and `--chaos-seed` inject faults (printed to stderr), `--record` writes the
 * HAR log on exit, `--load` starts from a snapshot, and bad values exit with 2.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "../server.ts";
import type { LiteHar } from "./recording/recorder.ts";

const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
});

/** Runs the CLI; `url()` resolves once it listens. */
function run(args: string[]) {
  const child = spawn(process.execPath, ["--conditions=agentlane-source", cli, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out.stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (out.stderr += chunk));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const url = async () => {
    await expect
      .poll(() => out.stdout.includes("Press Ctrl-C") || child.exitCode !== null, { timeout: 60_000 })
      .toBe(true);
    return /listening on (http:\/\/\S+)/.exec(out.stdout)![1]!;
  };
  return { child, out, exited, url };
}

describe("agentlane-server testing aids", { timeout: 90_000 }, () => {
  it("injects seeded faults, prints each, and writes the recording on exit", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "lite-cli-")), "requests.har");
    const server = run(["--platform", "claudenest", "--chaos", "0.5", "--chaos-seed", "9", "--record", file]);
    const url = await server.url();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push(
        await fetch(`${url}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      );
    expect(statuses.some((status) => status !== 200)).toBe(true);
    await expect.poll(() => server.out.stderr).toMatch(/^fault \S+ req_\w+ GET \/api\/health$/m);
    server.child.kill("SIGINT");
    expect(await server.exited).toEqual([0, null]);
    const har = JSON.parse(await readFile(file, "utf8")) as LiteHar;
    // Every answer the client got is recorded as it was sent (a dropped connection is status 0 on both sides).
    const answered = (list: number[]) => list.filter((status) => status !== 0).sort();
    expect(answered(har.log.entries.map((e) => e.response.status))).toEqual(answered(statuses));
    expect(har.log.entries.filter((e) => e._fault).length).toBe(server.out.stderr.match(/^fault /gm)!.length);
  });

  it("starts from a snapshot with --load, and refuses bad values", async () => {
    const made = await createServer({ platform: "claudenest", seed: true });
    const file = join(await mkdtemp(join(tmpdir(), "lite-cli-")), "snapshot.json");
    await writeFile(file, JSON.stringify(made.snapshot()));
    const token = made.seedInfo.claudenest!.token!;
    await made.close();
    const server = run(["--platform", "claudenest", "--load", file]);
    const url = await server.url();
    const me = await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    server.child.kill("SIGINT");
    await server.exited;

    const badRate = run(["--chaos", "2"]);
    expect((await badRate.exited)[0]).toBe(2);
    expect(badRate.out.stderr).toContain("--chaos must be a rate from 0 to 1");
    const missing = run(["--load", join(tmpdir(), "no-such-snapshot.json")]);
    expect((await missing.exited)[0]).toBe(2);
    expect(missing.out.stderr).toContain("Cannot read the snapshot");
  });
});
