import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { platforms, renderRoutes } from "./routes-source.ts";

describe("generated route tables", () => {
  for (const platform of platforms) {
    it(`${platform.id} matches its contract (run \`node scripts/gen-routes.ts\` after changing it)`, () => {
      const file = fileURLToPath(
        new URL(`../packages/sdk/src/platforms/${platform.id}/routes.generated.ts`, import.meta.url),
      );
      expect(readFileSync(file, "utf8")).toBe(renderRoutes(platform.contract));
    });
  }
});
