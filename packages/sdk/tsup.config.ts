import { defineConfig } from "tsup";
import { sdkBuildEntries } from "../../scripts/platforms-source.ts";
import { platformRegistry } from "./src/platforms/registry.ts";

// JavaScript only: declarations come from `tsc -p tsconfig.build.json`. Entries follow the platform registry.
export default defineConfig({
  entry: sdkBuildEntries(platformRegistry),
  format: ["esm"],
  target: "es2023",
  platform: "neutral",
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  dts: false,
});
