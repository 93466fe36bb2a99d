import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bench = fileURLToPath(new URL("../../../bench/vscode-extension.ts", import.meta.url));

describe("the extension's benchmark", () => {
  it("runs (with a few tasks; its figures are printed by npm run bench, never asserted)", () => {
    const result = spawnSync(process.execPath, ["--conditions=source", bench, "50"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/activation .* median [\d.]+ ms/);
    expect(result.stdout).toMatch(/one live event \(claim\), applied/);
  });
});
