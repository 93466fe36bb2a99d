import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { e2eTools } from "./e2e/code-server.ts";

describe("the end-to-end tools check", () => {
  const dirs: string[] = [];
  const cache = () => {
    const dir = mkdtempSync(join(tmpdir(), "agentlane-cache-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("fails with a clear message when the setup never ran", () => {
    expect(() => e2eTools(cache())).toThrow(/need code-server and chromium.*\n.*has not run/s);
  });

  it("fails with the installer's reasons, and names what is missing", () => {
    const dir = cache();
    const paths = { chromium: join(dir, "chromium"), node24Home: dir, codeServer: join(dir, "code-server") };
    const problems = ["apt packages missing (chromium) and no root or passwordless sudo to install them"];
    writeFileSync(join(dir, "e2e-install.json"), JSON.stringify({ ok: false, problems, paths }));
    expect(() => e2eTools(dir)).toThrow(/no root or passwordless sudo[\s\S]*missing: .*code-server/);
  });
});
