import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { mayUserSet, resolveExecutable, SpawnGuard, SpawnRefused } from "./spawn-guard.ts";

const dir = mkdtempSync(join(tmpdir(), "spawn-guard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MARKER = join(dir, "marker");
const evilDir = join(dir, "evil-bin");
mkdirSync(evilDir);
/** A program that writes the marker: if it ever runs, the guard let something through. */
const evil = `#!/bin/sh\ntouch '${MARKER}'\n`;
for (const name of ["cat", "node", "evil", "bash"]) {
  writeFileSync(join(evilDir, name), evil);
  chmodSync(join(evilDir, name), 0o755);
}
const evilScript = join(dir, "evil.cjs");
writeFileSync(evilScript, `require("fs").writeFileSync(${JSON.stringify(MARKER)}, "x")`);

function refusal(run: () => unknown): SpawnRefused | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof SpawnRefused) return error;
    throw error;
  }
}

describe("SpawnGuard", () => {
  it("resolves the allow-list and requests to real executables through the server's own PATH", () => {
    const guard = new SpawnGuard(["cat"]);
    const approved = guard.check("cat", ["-n"]);
    expect(approved.executable).toBe(resolveExecutable("cat", process.env.PATH));
    expect(approved.executable.startsWith("/")).toBe(true);
    // The same executable by an absolute path, or through a symlink, is the same entry.
    const link = join(dir, "cat-link");
    symlinkSync(approved.executable, link);
    expect(guard.check(link, []).executable).toBe(approved.executable);
    expect(refusal(() => guard.check("node", []))?.rule).toBe("allow-list");
    expect(refusal(() => guard.check(join(evilDir, "cat"), []))?.rule).toBe("allow-list");
    expect(new SpawnGuard(["/nonexistent/binary"]).enabled).toBe(false);
  });

  it("refuses environment variables that change what runs", () => {
    const guard = new SpawnGuard(["cat"]);
    for (const name of [
      "PATH",
      "LD_PRELOAD",
      "ld_debug",
      "DYLD_INSERT_LIBRARIES",
      "NODE_OPTIONS",
      "PYTHONPATH",
      "PERL5OPT",
      "RUBYOPT",
      "BASH_ENV",
      "ENV",
      "IFS",
    ])
      expect(refusal(() => guard.check("cat", [], { [name]: "x" }))?.rule).toBe("environment");
    expect(guard.check("cat", [], { MY_TOKEN: "t" }).env.MY_TOKEN).toBe("t");
    expect(mayUserSet("HOME")).toBe(true);
  });

  it("refuses arguments that make an interpreter evaluate code, unless the operator allows arguments", () => {
    const guard = new SpawnGuard(["node", "bash", "cat"]);
    for (const args of [["-e", "1"], ["--eval=1"], ["-p", "1"], ["--import", "data:x"], ["-r", "x"], ["--require=x"]])
      expect(refusal(() => guard.check("node", args))?.rule).toBe("arguments");
    expect(refusal(() => guard.check("bash", ["-c", "id"]))?.rule).toBe("arguments");
    expect(refusal(() => guard.check("bash", ["-xc", "id"]))?.rule).toBe("arguments");
    expect(guard.check("node", ["server.js", "--port", "3000"]).args).toEqual(["server.js", "--port", "3000"]);
    expect(guard.check("cat", ["-e"]).args).toEqual(["-e"]);
    expect(new SpawnGuard(["bash"], { args: true }).check("bash", ["-c", "id"]).args).toEqual(["-c", "id"]);
    const listed = new SpawnGuard(["node"], { args: { node: ["server.js"] } });
    expect(listed.check("node", ["server.js"]).args).toEqual(["server.js"]);
    expect(refusal(() => listed.check("node", ["other.js"]))?.rule).toBe("arguments");
  });

  it("never runs anything outside the allow-list, whatever a user asks for", () => {
    const guard = new SpawnGuard(["cat", "node"]);
    const code = `require("fs").writeFileSync(${JSON.stringify(MARKER)}, "x")`;
    // Mostly the allowed commands, so most cases reach the argument and environment rules.
    const command = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("cat", "node") },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "bash",
          "sh",
          "/bin/sh",
          "evil",
          join(evilDir, "evil"),
          "./evil",
          `../${evilDir}/cat`,
          join(evilDir, "node"),
        ),
      },
    );
    const arg = fc.oneof(
      fc.constantFrom(
        "-e",
        "--eval",
        `--eval=${code}`,
        "-p",
        "--print",
        "-r",
        `--require=${evilScript}`,
        "--import",
        `--import=data:text/javascript,${encodeURIComponent(code)}`,
        "-pe",
        "-c",
        code,
        "--loader",
        evilScript,
      ),
      fc.string({ maxLength: 8 }).filter((s) => !s.includes("\0") && !s.startsWith("/") && !s.includes(".")),
    );
    // Each risky variable with the value that would make it bite, in any combination.
    const env = fc
      .subarray([
        ["PATH", evilDir],
        ["NODE_OPTIONS", `--require ${evilScript}`],
        ["BASH_ENV", evilScript],
        ["LD_PRELOAD", join(dir, "evil.so")],
        ["LD_DEBUG", "all"],
        ["ENV", evilScript],
        ["SAFE_VALUE", "1"],
      ] as [string, string][])
      .map((entries) => Object.fromEntries(entries));
    fc.assert(
      fc.property(command, fc.array(arg, { maxLength: 4 }), env, (cmd, args, extra) => {
        let approved: ReturnType<SpawnGuard["check"]>;
        try {
          approved = guard.check(cmd, args, extra);
        } catch (error) {
          if (error instanceof SpawnRefused) return;
          throw error;
        }
        // Approved: it runs, as the server would run it (stdin closed, so `cat` ends at once).
        spawnSync(approved.executable, approved.args, { env: approved.env, stdio: "ignore", timeout: 5000 });
        expect(existsSync(MARKER)).toBe(false);
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(existsSync(MARKER)).toBe(false);
  });
});
