/**
 * `agentlane check` as a user runs it (in-process, with the server's `fetch`): text or JSON on stdout, credentials
 * from options or the environment and never printed, and the exit code CI reads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommandIO, runCheckCommand } from "../../src/check/command.ts";
import type { CheckReport } from "../../src/check/index.ts";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";
import { mutatingProxy } from "./mutating-proxy.ts";

let world: LiteWorld;
let loopback: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld();
  loopback = await startLiteWorld({ listen: true });
});
afterAll(() => Promise.all([world.server.close(), loopback.server.close()]));

async function run(argv: string[], env: CommandIO["env"] = {}, fetch = world.fetch) {
  let stdout = "";
  let stderr = "";
  const code = await runCheckCommand(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    fetch,
  });
  return { code, stdout, stderr };
}

describe("agentlane check", () => {
  it("exits 0 and prints the report when the server matches, the token taken from the environment", async () => {
    const token = loopback.credentials("claudenest").token!;
    const baseUrl = loopback.baseUrl("claudenest");
    const { code, stdout } = await run(
      ["--platform", "claudenest", "--base-url", baseUrl],
      { AGENTLANE_TOKEN: token },
      fetch,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`agentlane check: claudenest at ${baseUrl} (read-only)`);
    expect(stdout).toContain("ok   GET /machines  machines.list");
    expect(stdout).toContain("ok   WS connect  Pusher WebSocket (§13): connect");
    expect(stdout).toContain("Result: the SDK reads everything this server answered.");
    expect(stdout).not.toContain(token);
  });

  it("prints JSON with --json and exits 1 when an answer would break the SDK", async () => {
    const proxy = mutatingProxy(world.fetch, [{ path: "/auth/me", mutate: () => ({ body: { success: true } }) }]);
    const argv = ["--platform", "claudenest", "--base-url", world.baseUrl("claudenest"), "--json", "--no-realtime"];
    const token = world.credentials("claudenest").token!;
    const { code, stdout } = await run([...argv, "--token", token], {}, proxy.fetch);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.breaking).toBe(true);
    expect(report.outcomes.find((o) => o.endpoint === "auth.me")?.sdk).toBe("throws");
    expect(stdout).not.toContain(token);
  });

  it("sends the write round trip only with --write", async () => {
    const proxy = mutatingProxy(world.fetch, [], { allowWrites: true });
    const token = world.credentials("claudenest").token!;
    const argv = ["--platform", "claudenest", "--base-url", world.baseUrl("claudenest"), "--token", token];
    const read = await run([...argv, "--json", "--no-realtime"], {}, proxy.fetch);
    expect((JSON.parse(read.stdout) as CheckReport).mode).toBe("read-only");
    expect(proxy.writes).toEqual([]);
    const written = await run([...argv, "--json", "--no-realtime", "--write"], {}, proxy.fetch);
    expect(written.code).toBe(0);
    expect((JSON.parse(written.stdout) as CheckReport).mode).toBe("read-write");
    expect(proxy.writes.length).toBeGreaterThan(0);
  });

  it("logs in with a login and password when the platform has a login", async () => {
    const { login, password } = world.credentials("coordinaitor");
    const { code, stdout } = await run(
      [
        "--platform",
        "coordinaitor",
        "--base-url",
        world.baseUrl("coordinaitor"),
        "--login",
        login!,
        "--quiet",
        "--no-realtime",
      ],
      { AGENTLANE_PASSWORD: password },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("note: Logged in");
    expect(stdout).not.toContain("ok   GET");
    expect(stdout).not.toContain(password!);
  });

  it("exits 2 with the usage on a bad option, an unknown platform or a missing base URL", async () => {
    for (const argv of [
      ["--platform", "claudenest", "--base-url", "http://x.test", "--bogus"],
      ["--platform", "nope", "--base-url", "http://x.test"],
      ["--platform", "claudenest"],
      ["--platform", "claudenest", "--base-url", "http://x.test", "--realtime-url", "nowhere"],
      ["--platform", "claudenest", "--base-url", "http://me:hunter22@x.test/api"],
    ]) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr).toContain("Usage: agentlane check");
      expect(stderr).not.toContain("hunter22");
    }
  });

  it("exits 1 with a clear message when the server cannot be reached", async () => {
    const refuse = async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    };
    const { code, stdout } = await run(["--platform", "caipe", "--base-url", "http://127.0.0.1:9/api"], {}, refuse);
    expect(code).toBe(1);
    expect(stdout).toContain("stopped: Could not reach http://127.0.0.1:9/api: GET /skills");
    expect(stdout).toContain("ECONNREFUSED");
  });
});
