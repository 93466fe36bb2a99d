import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { expect, it } from "vitest";

// The client ships a generated route table, not the contract: a browser bundle must carry neither zod nor a
// schema module. (Response validation stays available by importing the contract explicitly.)
it("bundles the CAIPE Skills client for the browser without zod or the contract", async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./index.ts", import.meta.url))],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    conditions: ["agentlane-source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => path.includes("/zod/"))).toEqual([]);
  expect(inputs.filter((path) => path.includes("/caipe/contract/") && !path.endsWith("errors.ts"))).toEqual([]);
  expect(inputs.some((path) => path.endsWith("routes.generated.ts"))).toBe(true);
});
