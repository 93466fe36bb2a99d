/**
 * @module
 * `definePlatform()`: a platform's client class made from its definition (envelope codec, route table, default
 * auth scheme) instead of a hand-written shell. The class gets `http` and one property per resource, typed by the
 * generated `<Platform>Methods` interface, whose doc comments (each endpoint's summary, method, path and
 * document section) are what hovers show. A platform extends the class only to add its hand-written helpers.
 */
import type { RouteTable } from "../contract/routes.ts";
import type { AuthScheme } from "../core/auth.ts";
import type { EnvelopeCodec } from "../core/envelope.ts";
import { type AnswerShapers, HttpClient, type StreamFactory } from "../core/http-client.ts";
import type { ClientOptions } from "../core/options.ts";
import { bindContract } from "../core/resource.ts";

/** What a platform's client is made from. */
export interface PlatformClientDefinition<Options extends ClientOptions> {
  /** How the platform wraps answers, errors and pages. */
  envelope: EnvelopeCodec;
  /** The generated route table. */
  routes: RouteTable;
  /** The auth scheme when the options name none (an API key header, say); without it, `token` is a bearer token. */
  auth?: (options: Options) => AuthScheme | undefined;
  /**
   * How stream endpoints are read, for platforms that have them: `sseStreams` (Server-Sent Events). Left out, a
   * bundle carries no event-stream parser.
   */
  streams?: StreamFactory;
  /**
   * Per endpoint, how an answer's data becomes the typed shape, for endpoints whose servers answer in more than
   * one shape (the document's and a widely deployed server's). Left out, data is given as it arrives.
   * @default {}
   */
  shapers?: AnswerShapers;
}

/** A client made by {@link definePlatform}: the HTTP client and the resources. */
export interface PlatformClient {
  /** The HTTP client every method goes through. */
  readonly http: HttpClient;
}

/** The constructor {@link definePlatform} returns. */
export type PlatformClientClass<Methods, Options extends ClientOptions> = new (
  options: Options,
) => PlatformClient & Methods;

/**
 * Makes a platform's client class.
 * @example
 * export class Acme extends definePlatform<AcmeMethods, AcmeOptions>({ envelope, routes }) {}
 */
export function definePlatform<Methods, Options extends ClientOptions = ClientOptions>(
  definition: PlatformClientDefinition<Options>,
): PlatformClientClass<Methods, Options> {
  class Client {
    readonly http: HttpClient;
    constructor(options: Options) {
      const auth = options.auth ?? definition.auth?.(options);
      this.http = new HttpClient(
        auth ? { ...options, auth } : options,
        definition.envelope,
        definition.streams,
        definition.shapers,
      );
      Object.assign(this, bindContract(this.http, definition.routes));
    }
  }
  return Client as unknown as PlatformClientClass<Methods, Options>;
}
