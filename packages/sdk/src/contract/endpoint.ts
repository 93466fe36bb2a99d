/**
 * @module
 * One endpoint, written once as data: method, path template, schemas, auth and documented error codes.
 *
 * `endpoint()` computes the endpoint's derived types once and stores them as phantom fields (`~client`,
 * `~handler`), so resource clients and handler tables are plain indexed-access mapped types.
 */
import type { AnySchema, SchemaInput, SchemaOutput } from "./schema.ts";

/** The HTTP methods an endpoint may use. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call an endpoint: a name the platform defines and its auth scheme gives meaning (ClaudeNest's
 * `agent` takes a personal or a machine token; another platform's `tasks:write` an API key with that
 * permission). Two names mean the same everywhere: `none` (no credentials are sent or checked) and
 * `optional` (credentials are sent when the client has them, and checked when present).
 */
export type AuthRequirement = string;

/**
 * How a request body is encoded: `json`, `form` (`application/x-www-form-urlencoded`) or `multipart`
 * (`multipart/form-data`; `Blob` and `File` values are sent as files).
 */
export type BodyEncoding = "json" | "form" | "multipart";

/** One endpoint as data: what `endpoint()` takes. */
export interface EndpointSpec {
  readonly method: HttpMethod;
  /** Path template relative to the platform's base, with `{name}` parameters (`{name+}` may span slashes). */
  readonly path: string;
  readonly summary: string;
  readonly auth: AuthRequirement;
  readonly params?: AnySchema;
  readonly query?: AnySchema;
  readonly body?: AnySchema;
  readonly response: AnySchema;
  /** HTTP status of success. @default 200 */
  readonly status?: number;
  /** The platform error codes this endpoint documents (validation, auth and rate-limit codes apply to all). */
  readonly errors?: readonly string[];
  /** The response is a page of a list: the client also iterates every page. */
  readonly paginated?: boolean;
  /**
   * Where a paginated list's items sit: the key of `data` that holds them (`"tasks"` for
   * `{tasks: [...], pagination}`). Without it, `data` is the array itself.
   */
  readonly items?: string;
  /** How the request body is encoded. @default "json" */
  readonly contentType?: BodyEncoding;
  /**
   * The success answer is a stream of Server-Sent Events instead of one body; `response` is then the schema of
   * one event, `{ event, data, id? }`.
   */
  readonly stream?: "sse";
  /** Where the platform's document describes the endpoint (`§4.1`), shown in hovers and on `/docs`. */
  readonly section?: string;
  /** Rate-limit group, when the platform documents one for this endpoint. */
  readonly rateLimit?: string;
  /** Why this endpoint departs from, or fills a gap in, its document. */
  readonly note?: string;
  /**
   * The platform's document does not list this endpoint: where it comes from instead (the public server's code that
   * serves it). Shown on `/docs`, in hovers and in OpenAPI (`x-beyond-document`).
   * @example "ClaudeNest's server: DashboardController::stats"
   */
  readonly beyondDocument?: string;
}

// Distributes over a union `B`: a body that takes one of several shapes merges each with the parameters.
type Merge<A, B> = B extends unknown ? ([keyof A] extends [never] ? B : [keyof B] extends [never] ? A : A & B) : never;
type InputOf<S> = S extends AnySchema ? SchemaInput<S> : {};
type OutputOf<S> = S extends AnySchema ? SchemaOutput<S> : {};

/** What a caller passes: path parameters, query and body, flattened into one object. */
export type EndpointInput<S extends EndpointSpec> = Merge<
  Merge<InputOf<S["params"]>, InputOf<S["query"]>>,
  InputOf<S["body"]>
>;
/** What a handler receives after validation. */
export type EndpointParsed<S extends EndpointSpec> = {
  params: OutputOf<S["params"]>;
  query: OutputOf<S["query"]>;
  body: OutputOf<S["body"]>;
};
/** What an endpoint answers: its response schema's output. */
export type EndpointResult<S extends EndpointSpec> = SchemaOutput<S["response"]>;
/** The error codes an endpoint documents, as a union. */
export type EndpointErrorCode<S extends EndpointSpec> = S["errors"] extends readonly (infer C)[] ? C & string : never;

type Item<T> = T extends readonly (infer I)[] ? I : never;
/** The items of a list answer: the answer itself, or the array under its `items` key. */
type ListItem<T, Key> = Key extends string ? (T extends { readonly [K in Key]?: infer A } ? Item<A> : never) : Item<T>;

/** One event of a Server-Sent Events stream, as a stream endpoint's `response` schema describes it. */
export interface StreamEvent<Name extends string = string, Data = unknown> {
  event: Name;
  data: Data;
  id?: string | undefined;
}

/** What a server handler of a paginated endpoint returns: one page and the size of the whole list. */
export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
  /** Other keys of the answer's `data` beside the items (a list under a named key may carry filters, say). */
  extra?: Record<string, unknown>;
}

/** True when every key of T is optional, so the input argument itself may be left out. */
type AllOptional<T> = {} extends T ? true : false;

/** The SDK method for an endpoint; `Promise` and `Page` types come from the SDK core through this interface. */
export interface ClientMethodTypes<In, Out, Paginated extends boolean, Items = never, Stream extends boolean = false> {
  input: In;
  output: Out;
  paginated: Paginated;
  /** The type of one list item, for paginated endpoints. */
  item: Items;
  /** The endpoint answers a stream of events of type `Out`. */
  stream: Stream;
  optional: AllOptional<In>;
}

/** An endpoint made by `endpoint()`: its spec, with the derived types as phantom fields. */
export interface Endpoint<S extends EndpointSpec = EndpointSpec> {
  readonly spec: S;
  /** Phantom: the types the SDK method is built from. Never set at run time. */
  readonly "~client"?: ClientMethodTypes<
    EndpointInput<S>,
    EndpointResult<S>,
    S["paginated"] extends true ? true : false,
    S["paginated"] extends true ? ListItem<EndpointResult<S>, S["items"]> : never,
    S["stream"] extends "sse" ? true : false
  >;
  /** Phantom: what the server handler receives, returns, and may fail with. */
  readonly "~handler"?: {
    parsed: EndpointParsed<S>;
    result: S["paginated"] extends true
      ? Page<ListItem<SchemaInput<S["response"]>, S["items"]>>
      : S["stream"] extends "sse"
        ? AsyncIterable<SchemaInput<S["response"]>>
        : SchemaInput<S["response"]>;
    errors: EndpointErrorCode<S>;
  };
}

/** Declares one endpoint. */
export function endpoint<const S extends EndpointSpec>(spec: S): Endpoint<S> {
  return { spec };
}

/** A resource: endpoints by method name. */
export type Resource = Record<string, Endpoint<any>>;
/** A platform's contract: resources by name. */
export type Contract = Record<string, Resource>;
