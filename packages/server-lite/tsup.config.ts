import { defineConfig } from "tsup";

// The library, JavaScript only: declarations come from `tsc -p tsconfig.build.json`. The SDK, zod and Hono stay
// imports, so an application shares one copy of each with its own code. The command is built after it, into the
// same folder, by `tsup.cli.config.ts`.
export default defineConfig({
  entry: { index: "src/index.ts", msw: "src/msw.ts", lite: "src/lite.ts" },
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
