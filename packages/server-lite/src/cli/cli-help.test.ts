/**
 * @module
 * `agentlane-server --version`, `--help` and a port that is taken, run as a user runs them (a child process).
 */
import { execFile } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { platformIds } from "../platforms/index.ts";
import { platformExamples } from "./help.ts";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));
const agentlaneServer = (...args: string[]) => run(process.execPath, ["--conditions=agentlane-source", cli, ...args]);

// Each run starts a fresh Node that strips the types of server-lite's sources first: a wide bound on a busy
// machine, while the tests still wait only for the process to end.
describe("agentlane-server", { timeout: 90_000 }, () => {
  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    await expect(agentlaneServer("--version")).resolves.toMatchObject({ stdout: `${version}\n`, stderr: "" });
  });

  it("--help shows the options and an example for every platform", async () => {
    const { stdout } = await agentlaneServer("--help");
    expect(stdout).toContain("--version");
    expect(stdout).toContain("Examples:\n  agentlane-server --seed ");
    expect(Object.keys(platformExamples).sort()).toEqual([...platformIds].sort());
    for (const id of platformIds) expect(stdout).toContain(`agentlane-server --seed --platform ${id}`);
  });

  it("says in one line that a port is taken, without the usage text, and exits with 1", async () => {
    const taken = createServer();
    taken.listen(0, "127.0.0.1");
    await once(taken, "listening");
    const { port } = taken.address() as { port: number };
    try {
      const failure = await agentlaneServer("--port", String(port)).catch((error: unknown) => error);
      expect(failure).toMatchObject({
        code: 1,
        stdout: "",
        stderr: `agentlane-server: port ${port} on 127.0.0.1 is already in use: stop what uses it, or pick another with --port <n> (--port 0 for any free one)\n`,
      });
    } finally {
      taken.close();
    }
  });
});
