import { defineConfig } from "tsup";

// JavaScript only: declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  entry: { index: "src/index.ts", msw: "src/msw.ts", lite: "src/lite.ts", cli: "src/cli.ts" },
  format: ["esm"],
  target: "node22",
  platform: "node",
  splitting: true,
  sourcemap: true,
  clean: true,
  dts: false,
  external: ["@agentlane/sdk", "msw"],
  // `node:sqlite` exists only with its prefix.
  removeNodeProtocol: false,
});
