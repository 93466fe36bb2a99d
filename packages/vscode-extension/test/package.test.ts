import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the build scripts, without type declarations
import { checkVsix, EXPECTED } from "../scripts/vsix-check.mjs";

const manifest = (await import("../package.json", { with: { type: "json" } })).default;
const vsix = fileURLToPath(new URL(`../dist/vsix/${manifest.name}-${manifest.version}.vsix`, import.meta.url));

describe("the packaged .vsix", () => {
  it("is built (npm run build)", () => {
    expect(existsSync(vsix), `${vsix} is missing: build the extension first`).toBe(true);
  });

  it("holds exactly the bundles, the media, the marketplace texts and the manifest", () => {
    const { names, problems } = checkVsix(vsix);
    expect(problems).toEqual([]);
    expect(names).toContain("extension/dist/extension.cjs");
  });

  it("fails the check on a missing or an unexpected file", () => {
    const without = (EXPECTED as string[]).filter((name) => !name.endsWith("local-server.mjs"));
    expect(checkVsix(vsix, without).problems).toEqual(["unexpected: extension/dist/local-server.mjs"]);
    expect(checkVsix(vsix, [...EXPECTED, "extension/media/banner.png"]).problems).toEqual([
      "missing: extension/media/banner.png",
    ]);
  });
});
