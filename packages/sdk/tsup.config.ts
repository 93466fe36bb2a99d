import { defineConfig } from "tsup";

// JavaScript only: declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    claudenest: "src/platforms/claudenest/index.ts",
    "claudenest-contract": "src/platforms/claudenest/contract/index.ts",
    contract: "src/contract/index.ts",
    live: "src/live/index.ts",
  },
  format: ["esm"],
  target: "es2023",
  platform: "neutral",
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  dts: false,
});
