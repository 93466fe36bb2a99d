/**
 * Writes each platform's run-time route table (`routes.generated.ts`) from its contract, so that clients
 * never import zod or a schema. `scripts/gen-routes.test.ts` fails when a table is out of date.
 *
 * Usage: node scripts/gen-routes.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { platforms, renderRoutes } from "./routes-source.ts";

for (const platform of platforms) {
  const file = fileURLToPath(
    new URL(`../packages/sdk/src/platforms/${platform.id}/routes.generated.ts`, import.meta.url),
  );
  writeFileSync(file, renderRoutes(platform.contract));
  console.log(`wrote ${file}`);
}
