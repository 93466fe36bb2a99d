/**
 * @module
 * The run-time route table a client needs: method, path, parameter and query names, auth. It is generated
 * from the contract (`scripts/gen-routes.ts`) so that a client imports the contract only as types and never
 * ships zod or a schema to a browser.
 */
import type { AuthRequirement, BodyEncoding, Contract, HttpMethod } from "./endpoint.ts";
import { pathParams } from "./path.ts";

/** What a client needs of an endpoint at run time: method, path, auth and parameter names, without schemas. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly auth: AuthRequirement;
  /** Names of the path parameters. */
  readonly params: readonly string[];
  /** Names of the query parameters; every other input key goes to the JSON body. */
  readonly query: readonly string[];
  readonly paginated?: boolean;
  /** The key of `data` that holds a paginated list's items. */
  readonly items?: string;
  /** How the body is encoded, when not JSON. */
  readonly contentType?: BodyEncoding;
  /** The answer is a stream of Server-Sent Events. */
  readonly stream?: "sse";
}

/** Routes by resource and method name, as `routes.generated.ts` holds them. */
export type RouteTable = Record<string, Record<string, Route>>;

function objectKeys(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return def?.shape ? Object.keys(def.shape) : [];
}

/** Derives the route table of a contract. */
export function routesOf(contract: Contract): RouteTable {
  const table: RouteTable = {};
  for (const [resourceName, resource] of Object.entries(contract)) {
    const routes: Record<string, Route> = {};
    for (const [name, { spec }] of Object.entries(resource)) {
      routes[name] = {
        method: spec.method,
        path: spec.path,
        auth: spec.auth,
        params: pathParams(spec.path).map((p) => p.name),
        query: objectKeys(spec.query),
        ...(spec.paginated ? { paginated: true } : {}),
        ...(spec.items ? { items: spec.items } : {}),
        ...(spec.contentType && spec.contentType !== "json" ? { contentType: spec.contentType } : {}),
        ...(spec.stream ? { stream: spec.stream } : {}),
      };
    }
    table[resourceName] = routes;
  }
  return table;
}
