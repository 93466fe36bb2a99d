/**
 * @module
 * The contract layer: endpoints as data, from which clients, server routes and OpenAPI documents are made.
 */
export * from "./endpoint.ts";
export * from "./entity.ts";
export * from "./openapi.ts";
export * from "./path.ts";
export * from "./routes.ts";
export * from "./schema.ts";
