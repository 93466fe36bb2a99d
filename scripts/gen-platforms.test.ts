import { describe, expect, it } from "vitest";
import { generatedFiles, readText } from "./platforms-source.ts";

describe("files derived from the platform registry and the contracts", async () => {
  for (const [path, content] of await generatedFiles()) {
    it(`${path} is current (run \`node scripts/gen-platforms.ts\` after changing a contract or the registry)`, () => {
      expect(readText(path)).toBe(content);
    });
  }
});
