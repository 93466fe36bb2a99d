/**
 * @module
 * Typed methods made from a contract's types and its run-time route table.
 */
import type { ClientMethodTypes, Contract, Resource } from "../contract/endpoint.ts";
import type { RouteTable } from "../contract/routes.ts";
import type { APIPromise, PagePromise } from "./api-promise.ts";
import type { HttpClient } from "./http-client.ts";
import type { RequestOptions } from "./options.ts";
import type { APIStream } from "./stream.ts";

type Returned<T extends { output: unknown; paginated: boolean; item: unknown; stream: boolean }> =
  T["stream"] extends true
    ? APIStream<T["output"]>
    : T["paginated"] extends true
      ? PagePromise<T["item"], T["output"]>
      : APIPromise<T["output"]>;

/** The SDK method of one endpoint. */
export type ClientMethod<T> =
  T extends ClientMethodTypes<infer In, unknown, boolean, unknown, boolean>
    ? T["optional"] extends true
      ? (input?: In, options?: RequestOptions) => Returned<T>
      : (input: In, options?: RequestOptions) => Returned<T>
    : never;

/** The SDK methods of one resource of a contract, by name. */
export type ResourceClient<R extends Resource> = {
  readonly [K in keyof R]: ClientMethod<NonNullable<R[K]["~client"]>>;
};
/** The SDK methods of a whole contract: `client.tasks.claim(...)`. */
export type ContractClient<C extends Contract> = { readonly [K in keyof C]: ResourceClient<C[K]> };

/** Binds every route of a table to the HTTP client. */
export function bindContract<C extends Contract>(http: HttpClient, routes: RouteTable): ContractClient<C> {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [resource, table] of Object.entries(routes)) {
    const methods: Record<string, unknown> = {};
    for (const [name, route] of Object.entries(table)) {
      methods[name] = (input?: Record<string, unknown>, options?: RequestOptions) =>
        http.call(resource, name, route, input, options);
    }
    client[resource] = methods;
  }
  return client as ContractClient<C>;
}
