/**
 * Writes what is derived from the platform registry and the contracts (route tables and method types, the SDK's
 * platform index, exports and check-profile loaders, server-lite's platform loaders). `scripts/gen-platforms.test.ts`
 * fails when one is out of date.
 *
 * Usage: node scripts/gen-platforms.ts
 */
import { writeFileSync } from "node:fs";
import { generatedFiles, root } from "./platforms-source.ts";

for (const [path, content] of await generatedFiles()) {
  writeFileSync(`${root}${path}`, content);
  console.log(`wrote ${path}`);
}
