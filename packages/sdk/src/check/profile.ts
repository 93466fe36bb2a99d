/**
 * @module
 * What a platform tells the compatibility check beyond its contract, as data: how its success envelope looks,
 * its error table, how credentials are sent or obtained, the real-server shapes the SDK is known to read, and the
 * reads the check cannot make on its own. Each platform keeps its profile in `platforms/<id>/check.ts`.
 */
import type { Contract } from "../contract/endpoint.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import type { EnvelopeCodec } from "../core/envelope.ts";
import type { RealtimeProfile } from "./realtime.ts";

/**
 * A shape a real server is known to answer an endpoint in, other than the documented one, which the SDK reads.
 * An answer that fails the contract but matches a variant is reported as `variant`, not as a failure.
 * @example
 * { endpoint: "tasks.claim", name: "claim as a bare task", schema: TaskSchema, note: "the server answers the task itself" }
 */
export interface KnownVariant {
  /** The endpoint, as `resource.method` in the contract. */
  endpoint: string;
  /** A short name for the shape, shown in the report. */
  name: string;
  /** The shape, as a schema of the answer's data. */
  schema: RunnableSchema;
  /** Where the shape comes from (the server's version or source). */
  note?: string;
}

/** One call of a write round trip. */
export interface WriteStep {
  /** The endpoint, as `resource.method`; its body must be JSON. */
  endpoint: string;
  /** The values kept so far that the step needs; a step missing one is not sent. */
  uses: readonly string[];
  /**
   * The call's input from the values kept so far: path parameters, query and body keys together, as a client
   * method takes them. `scratch` is always kept: a name of the form `agentlane-check-<random>`.
   */
  input: (kept: Readonly<Record<string, string>>) => Record<string, unknown>;
  /** Values to keep from the answer's data for later steps (`{ project: data.id }`). */
  keep?: (data: unknown) => Record<string, string | undefined>;
}

/**
 * What `--write` sends: a scripted round trip in a scratch resource it creates, then removes. `steps` run in
 * order until one fails; `cleanup` then runs whatever it can (each step whose `uses` were kept).
 */
export interface WriteRoundTrip {
  /** Values the round trip takes from the reads, by name: `{ machine: "machine.id" }` (noun and field). */
  needs: Readonly<Record<string, string>>;
  steps: readonly WriteStep[];
  cleanup: readonly WriteStep[];
}

/** The credentials a user gives the check; any of them may be absent. */
export interface CheckCredentials {
  /** A bearer token (or whatever the platform's `token` is). */
  token?: string | undefined;
  /** An API key, for platforms that take one. */
  apiKey?: string | undefined;
  /** The email or username to log in with, with `password`. */
  login?: string | undefined;
  password?: string | undefined;
}

/** How a platform's credentials are sent, and how a login gets a token. */
export interface CheckAuth {
  /**
   * The headers a token is sent as.
   * @default `Authorization: Bearer <token>`
   */
  token?: (token: string) => Record<string, string>;
  /** The headers an API key is sent as; without it the platform takes no API key. */
  apiKey?: (key: string) => Record<string, string>;
  /** How to log in with `login` and `password`: the endpoint, its body, and where the token sits in the answer. */
  login?: {
    /** The login endpoint, as `resource.method` (it must be a POST the contract documents). */
    endpoint: string;
    /** The login body from the user's login name and password. */
    body: (login: string, password: string) => Record<string, unknown>;
    /** The token in the decoded answer, sent afterwards as `token` is. */
    token: (data: unknown) => string | undefined;
  };
}

/** A platform's compatibility-check profile. */
export interface CheckProfile {
  /** The platform's id, as in the registry. */
  id: string;
  /** The platform's name as users write it. */
  title: string;
  contract: Contract;
  envelope: EnvelopeCodec;
  /**
   * The body of a success, around the data: checked on every success answer. Leave it out for a platform whose
   * document shows bare bodies.
   */
  successEnvelope?: RunnableSchema;
  /** The documented error codes with their statuses: error answers are checked against them. */
  errorCodes?: Readonly<Record<string, { readonly status: number }>>;
  auth: CheckAuth;
  /**
   * Real-server shapes the SDK reads, by endpoint.
   * @default []
   */
  variants?: readonly KnownVariant[];
  /** Query values for reads whose query has required keys, by endpoint (`"skills.get"`). */
  queries?: Readonly<Record<string, Record<string, string>>>;
  /** Reads the check must not make, by endpoint, with the reason (a redirect to a provider, a download). */
  skip?: Readonly<Record<string, string>>;
  /**
   * Where a path parameter's value comes from when its name does not say it, by endpoint and parameter:
   * `"<noun>.<field>"`, a noun being what a list was named (`machine`, `skill`).
   * @example { "skills.get": { "path+": "skill.path" } }
   */
  follow?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The realtime handshake to check, for a platform that has a realtime endpoint. */
  realtime?: RealtimeProfile;
  /** The round trip `--write` sends; a platform without one has no write mode. */
  write?: WriteRoundTrip;
}

/**
 * Declares a profile; the identity function, for type checking and hovers.
 * @example export const check = defineCheckProfile({ id: "acme", title: "Acme", contract, envelope, auth: {} });
 */
export function defineCheckProfile(profile: CheckProfile): CheckProfile {
  return profile;
}
