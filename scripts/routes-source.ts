/** The platforms whose route tables are generated, and how a table is written. */
import type { Contract } from "../packages/sdk/src/contract/endpoint.ts";
import { routesOf } from "../packages/sdk/src/contract/routes.ts";
import { contract as claudenest } from "../packages/sdk/src/platforms/claudenest/contract/index.ts";

export const platforms: { id: string; contract: Contract }[] = [{ id: "claudenest", contract: claudenest }];

export function renderRoutes(contract: Contract): string {
  const resources = Object.entries(routesOf(contract)).map(([resource, routes]) => {
    const lines = Object.entries(routes).map(([name, route]) => `    ${name}: ${JSON.stringify(route)},`);
    return `  ${resource}: {\n${lines.join("\n")}\n  },`;
  });
  return `// Generated from the contract by scripts/gen-routes.ts: do not edit.
import type { RouteTable } from "../../contract/routes.ts";

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
${resources.join("\n")}
} as const satisfies RouteTable;
`;
}
