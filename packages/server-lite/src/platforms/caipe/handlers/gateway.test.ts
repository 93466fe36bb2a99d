import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packagedTemplates } from "../templates/index.ts";
import { expectError } from "../testing/expect-error.ts";
import { type CaipeWorld, caipeWorld, FLAGGED_CONTENT, newConfig } from "../testing/world.ts";

let w: CaipeWorld;
let home: string;
let origin: string;
beforeEach(async () => {
  w = await caipeWorld();
  origin = await w.server.listen(0, "127.0.0.1");
  home = await mkdtemp(join(tmpdir(), "caipe-home-"));
});
afterEach(async () => {
  await w.close();
  await rm(home, { recursive: true, force: true });
  expect(w.unexpected).toEqual([]);
});

/** Runs `curl <install.sh URL> | bash -s -- <args>` in a temporary HOME; never throws, answers what happened. */
function install(
  query: string,
  args: string[] = [],
  env: Record<string, string> = {},
  cwd = home,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const url = `${origin}/api/skills/install.sh${query}`;
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", `set -o pipefail; curl -fsS "$0" | bash -s -- "$@"`, url, ...args],
      { cwd, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("the bootstrap skill", () => {
  it("is markdown that names the server's base URL, through the SDK and over HTTP", async () => {
    const text = await w.anonymous.gateway.bootstrap({ agent: "cursor", command_name: "caipe" });
    expect(text).toContain("# /caipe: CAIPE skills");
    expect(text).toContain("http://lite.test/api/skills?q=<words>");
    expect(text).toContain("install.sh?agent=cursor&bulk=true");
    const response = await fetch(`${origin}/api/skills/bootstrap`);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await response.text()).toContain(`${origin}/api/skills`);
  });

  it("refuses an unknown agent or a command name that is not a file name", async () => {
    await expectError(w.anonymous.gateway.bootstrap({ agent: "vim" as never }), 400, "VALIDATION_ERROR");
    await expectError(w.anonymous.gateway.installScript({ command_name: "../x" }), 400, "VALIDATION_ERROR");
  });
});

describe("install.sh, run for real", () => {
  it("is a shell script with its values quoted", async () => {
    const script = await w.anonymous.gateway.installScript({ agent: "claude", scope: "project" });
    expect(script.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(script).toContain("SCOPE='project'");
    expect(script).toContain("BASE_URL='http://lite.test/api'");
  });

  it("installs the bootstrap command into HOME, skips it when run again, and replaces it with --upgrade", async () => {
    const first = await install("?agent=claude&scope=user");
    expect(first).toMatchObject({ code: 0 });
    const target = join(home, ".claude/commands/skills.md");
    const text = await readFile(target, "utf8");
    expect(text).toContain("# /skills: CAIPE skills");
    expect(text).toContain(`${origin}/api/skills`);
    expect(text.trimEnd().endsWith("<!-- caipe-skill: claude/skills -->")).toBe(true);

    const again = await install("?agent=claude&scope=user");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("skipped:");
    expect(await readFile(target, "utf8")).toBe(text);

    await writeFile(target, `${text}\nlocal edit\n`);
    const upgraded = await install("?agent=claude&scope=user", ["--upgrade"]);
    expect(upgraded.stdout).toContain(`installed: ${target}`);
    expect(await readFile(target, "utf8")).toBe(text);
  });

  it("leaves a file it did not write alone unless --force", async () => {
    const target = join(home, ".cursor/commands/caipe.md");
    await mkdir(join(home, ".cursor/commands"), { recursive: true });
    await writeFile(target, "my own command\n");
    const upgrade = await install("?agent=cursor&command_name=caipe", ["--upgrade"]);
    expect(upgrade.stdout).toContain("was not written by this installer");
    expect(await readFile(target, "utf8")).toBe("my own command\n");
    const forced = await install("?agent=cursor&command_name=caipe", ["--force"]);
    expect(forced.code).toBe(0);
    expect(await readFile(target, "utf8")).toContain("<!-- caipe-skill: cursor/caipe -->");
  });

  it("installs into the current folder for the project scope, and refuses unknown arguments", async () => {
    const project = join(home, "project");
    await mkdir(project);
    expect((await install("?scope=project", [], {}, project)).code).toBe(0);
    expect(existsSync(join(project, ".claude/commands/skills.md"))).toBe(true);
    const bad = await install("?scope=project", ["--bogus"], {}, project);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain("unknown argument: --bogus");
  });

  it("in bulk, writes every runnable catalog skill and leaves quarantined ones out", async () => {
    await w.user.caipe.configs.create(newConfig({ name: "Good skill" }));
    await w.user.caipe.configs.create(newConfig({ name: "Bad skill", skill_content: FLAGGED_CONTENT }));
    const result = await install("?agent=claude&bulk=true", [], { CAIPE_TOKEN: w.user.token });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const skills = (await readdir(join(home, ".claude/skills"))).sort();
    expect(skills).toEqual([...packagedTemplates().map((t) => t.name), "Good_skill"].sort());
    const postmortem = await readFile(join(home, ".claude/skills/incident-postmortem-report/SKILL.md"), "utf8");
    expect(postmortem.startsWith(packagedTemplates().find((t) => t.id === "incident-postmortem-report")!.content)).toBe(
      true,
    );
    expect(result.stdout).toContain(`done: ${packagedTemplates().length + 2} installed, 0 skipped`);
  });

  it("in bulk, needs a token the catalog accepts", async () => {
    const missing = await install("?bulk=true");
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain("set CAIPE_TOKEN");
    const wrong = await install("?bulk=true", [], { CAIPE_TOKEN: "caipe_wrong" });
    expect(wrong.code).toBe(76);
    expect(wrong.stderr).toContain("HTTP 401");
    expect(existsSync(join(home, ".claude/skills"))).toBe(false);
  });
});
