/**
 * @module
 * `checkServer()`: reads every documented read endpoint of a platform's contract on a real server, following the
 * ids its lists answer, judges each answer against the contract, makes two deliberate misses, checks the realtime
 * handshake where the platform has one, and returns a report. It sends nothing but reads (and the login, when
 * asked to log in) unless asked to `write`, and stops at the first 401.
 */
import type { EndpointSpec } from "../contract/endpoint.ts";
import { fillPath, pathParams } from "../contract/path.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import { judgeAnswer, readAnswer } from "./answer.ts";
import { type Authenticated, authenticate, CredentialsError } from "./credentials.ts";
import { DiscoveredIds } from "./discovery.ts";
import { hasRateLimitHeaders, missingCredentials, rateLimitDifferences, type SentRead, unknownId } from "./probes.ts";
import type { CheckCredentials, CheckProfile } from "./profile.ts";
import { loadCheckProfile } from "./profiles.ts";
import { checkRealtime, type RealtimeCheckOptions } from "./realtime.ts";
import { Redactor } from "./redact.ts";
import { summarize } from "./summary.ts";
import { ProbeTransport, type ProbeTransportOptions, UnreachableError } from "./transport.ts";
import type { CheckReport, EndpointOutcome } from "./types.ts";
import { writeRoundTrip } from "./write.ts";

/** Options of {@link checkServer}. */
export interface CheckOptions extends Omit<ProbeTransportOptions, "baseUrl"> {
  /** The platform's id (`claudenest`), or a profile of your own. */
  platform: string | CheckProfile;
  /**
   * The API's base URL, with the platform's prefix, as a client takes it.
   * @example "https://nest.example.com/api"
   */
  baseUrl: string;
  /** A token, an API key, or a login and password. Without any, reads that need credentials are skipped. */
  credentials?: CheckCredentials;
  /**
   * Check the realtime handshake (connect, authorize a channel) of platforms that have one, or `false` not to
   * (a `fetch` that answers in-process cannot carry a WebSocket).
   * @default {} (where the platform derives it from the base URL)
   */
  realtime?: RealtimeCheckOptions | false;
  /**
   * Also send the platform's write round trip (a scratch project, a task claimed and completed, a lock), then
   * remove what it created. Without it, nothing but reads (and the login) is sent.
   * @default false
   */
  write?: boolean;
}

/** One documented read, with its contract name. */
interface Read {
  name: string;
  resource: string;
  spec: EndpointSpec;
}

/** Thrown inside a run to end it with a message for the user. */
class Stop extends Error {}

/** The contract's reads: every GET that answers one body (streams are followed by watchers, not checked here). */
function readsOf(profile: CheckProfile): Read[] {
  return Object.entries(profile.contract).flatMap(([resource, endpoints]) =>
    Object.entries(endpoints)
      .filter(([, { spec }]) => spec.method === "GET" && !spec.stream)
      .map(([method, { spec }]) => ({ name: `${resource}.${method}`, resource, spec })),
  );
}

/** Whether a query schema accepts these values (a read whose query has required keys needs the profile's). */
function acceptsQuery(schema: unknown, query: Record<string, string>): boolean {
  return !schema || (schema as RunnableSchema).safeParse(query).success;
}

function skipped(read: Read, reason: string, httpStatus?: number): EndpointOutcome {
  const { spec } = read;
  return {
    endpoint: read.name,
    method: spec.method,
    path: spec.path,
    status: "skipped",
    reason,
    httpStatus,
    sdk: "reads",
    differences: [],
  };
}

function sentRead(
  read: Read,
  request: SentRead["request"],
  params: Record<string, string>,
  succeeded: boolean,
): SentRead {
  return { name: read.name, method: "GET", path: read.spec.path, auth: read.spec.auth, request, params, succeeded };
}

/** One run of the check: what it has read, found and judged so far. */
class CheckRun {
  readonly outcomes: EndpointOutcome[] = [];
  readonly notes: string[] = [];
  readonly redact = new Redactor();
  readonly ids = new DiscoveredIds();
  /** Reads answered with something else than 401 or 403, for the deliberate misses to repeat. */
  readonly answered: SentRead[] = [];
  rateLimited = false;
  readonly #transport: ProbeTransport;
  #auth: Authenticated = { headers: {}, via: undefined };

  readonly profile: CheckProfile;
  readonly options: CheckOptions;

  constructor(profile: CheckProfile, options: CheckOptions) {
    this.profile = profile;
    this.options = options;
    this.#transport = new ProbeTransport({ ...options, allowWrites: options.write === true });
  }

  async run(): Promise<void> {
    const { profile, outcomes } = this;
    this.#auth = await authenticate(profile, this.options.credentials ?? {}, this.#transport, this.redact);
    if (this.#auth.via === "login")
      this.notes.push("Logged in with the login and password given (the one write sent).");
    if (this.#auth.via === undefined) this.notes.push("No credentials given: reads that need them were skipped.");
    let pending = readsOf(profile).filter((read) => {
      const reason = profile.skip?.[read.name];
      if (reason) outcomes.push(skipped(read, reason));
      return !reason;
    });
    // Reads whose parameters are known go first; each one read may make others' known.
    for (let progress = true; progress && pending.length > 0; ) {
      progress = false;
      const waiting: Read[] = [];
      for (const read of pending) {
        const params = this.#params(read);
        if (params) {
          progress = true;
          outcomes.push(await this.#read(read, params));
        } else waiting.push(read);
      }
      pending = waiting;
    }
    for (const read of pending) {
      const missing = pathParams(read.spec.path)
        .filter((p) => this.ids.resolve(read.resource, read.spec, p, this.#follow(read, p.name)) === undefined)
        .map((p) => this.ids.describe(read.resource, read.spec, p, this.#follow(read, p.name)));
      outcomes.push(skipped(read, `no ${missing.join(", ")} to follow: no list read answered one`));
    }
    await this.#misses(pending);
    await this.#realtime();
    if (this.options.write) await this.#write();
  }

  async #write(): Promise<void> {
    if (!this.profile.write) {
      this.notes.push(`${this.profile.title} declares no write round trip: only reads were sent.`);
      return;
    }
    const { outcomes, notes } = await writeRoundTrip({
      profile: this.profile,
      transport: this.#transport,
      headers: this.#auth.headers,
      redact: this.redact,
      find: (noun, field) => this.ids.find(noun, field),
    });
    this.outcomes.push(...outcomes);
    this.notes.push(...notes);
  }

  /** The base URL as the report shows it. */
  get baseUrl(): string {
    return this.redact.text(shownUrl(this.options.baseUrl));
  }

  #follow(read: Read, param: string): string | undefined {
    return this.profile.follow?.[read.name]?.[param];
  }

  #params(read: Read): Record<string, string> | undefined {
    const params: Record<string, string> = {};
    for (const param of pathParams(read.spec.path)) {
      const value = this.ids.resolve(read.resource, read.spec, param, this.#follow(read, param.name));
      if (value === undefined) return undefined;
      params[param.name] = value;
    }
    return params;
  }

  async #read(read: Read, params: Record<string, string>): Promise<EndpointOutcome> {
    const { spec } = read;
    const { profile, redact } = this;
    const query = profile.queries?.[read.name] ?? {};
    if (!acceptsQuery(spec.query, query))
      return skipped(read, "its query has required keys the profile gives no value for");
    if (this.#auth.via === undefined && spec.auth !== "none" && spec.auth !== "optional")
      return skipped(read, "needs credentials");
    const request = {
      method: "GET",
      path: fillPath(spec.path, params),
      query,
      headers: spec.auth === "none" ? {} : this.#auth.headers,
    };
    const answer = await this.#transport.send(request);
    this.rateLimited ||= hasRateLimitHeaders(answer.headers);
    const first = readAnswer(profile, answer);
    if (!first.ok && first.status === 401 && spec.auth !== "none")
      throw new Stop(
        `The server refused the credentials (401) at GET ${spec.path}: check the token, API key or login given. ` +
          "Nothing more was sent.",
      );
    if (!first.ok && first.status === 403)
      return skipped(
        read,
        `forbidden for these credentials (403${first.error.code ? ` ${first.error.code}` : ""})`,
        answer.status,
      );
    const { outcome, read: decoded } = judgeAnswer(profile, read.name, spec, answer, redact);
    outcome.differences.push(...rateLimitDifferences(answer.headers));
    if (decoded.ok) this.ids.record(read.resource, spec, decoded.data);
    this.answered.push(sentRead(read, request, params, decoded.ok));
    return outcome.differences.length > 0 && outcome.status === "ok" ? { ...outcome, status: "differs" } : outcome;
  }

  /** A guarded read without credentials, and a read of an id nobody holds (a listed one's look, else any). */
  async #misses(unresolved: Read[]): Promise<void> {
    const { profile, redact, answered } = this;
    const guarded = answered.find((s) => s.auth !== "none" && s.auth !== "optional");
    if (guarded) this.outcomes.push(await missingCredentials(profile, this.#transport, guarded, redact));
    const fallback = unresolved.find((read) => {
      const params = pathParams(read.spec.path);
      return (
        params.length === 1 &&
        acceptsQuery(read.spec.query, {}) &&
        (this.#auth.via !== undefined || read.spec.auth === "none")
      );
    });
    const withId =
      answered.find((s) => s.succeeded && pathParams(s.path).length > 0) ??
      (fallback &&
        sentRead(
          fallback,
          { method: "GET", path: fallback.spec.path, headers: fallback.spec.auth === "none" ? {} : this.#auth.headers },
          { [pathParams(fallback.spec.path)[0]!.name]: "" },
          false,
        ));
    if (withId) this.outcomes.push(await unknownId(profile, this.#transport, withId, redact));
  }

  async #realtime(): Promise<void> {
    const { realtime } = this.profile;
    if (!realtime || this.options.realtime === false) return;
    const outcomes = await checkRealtime(realtime, {
      baseUrl: this.options.baseUrl,
      credential: this.#auth.credential,
      options: this.options.realtime ?? {},
      timeout: this.options.timeout ?? 15_000,
      find: (noun, field) => this.ids.find(noun, field),
      redact: this.redact,
    });
    this.outcomes.push(...outcomes);
  }
}

/** A URL as a report shows it: without credentials in it, a query or a fragment. */
function shownUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  parsed.search = "";
  parsed.hash = "";
  return parsed.href.replace(/\/+$/, "");
}

/**
 * Checks a server against a platform's contract, read-only unless `write`.
 * @example
 * const report = await checkServer({ platform: "claudenest", baseUrl: "http://localhost:8000/api", credentials: { token } });
 * if (report.breaking) console.log(renderReport(report));
 */
export async function checkServer(options: CheckOptions): Promise<CheckReport> {
  const profile = typeof options.platform === "string" ? await loadCheckProfile(options.platform) : options.platform;
  const run = new CheckRun(profile, options);
  let stopped: string | undefined;
  try {
    await run.run();
  } catch (error) {
    if (error instanceof Stop || error instanceof CredentialsError) stopped = error.message;
    else if (error instanceof UnreachableError)
      stopped = `Could not reach ${run.baseUrl}: ${run.redact.text(error.message)}`;
    else throw error;
  }
  if (!stopped && !run.rateLimited) run.notes.push("No answer carried rate-limit headers (X-RateLimit-*).");
  const { outcomes } = run;
  return {
    platform: profile.id,
    baseUrl: run.baseUrl,
    mode: options.write ? "read-write" : "read-only",
    outcomes,
    notes: run.notes,
    stopped,
    summary: summarize(outcomes),
    breaking: stopped !== undefined || outcomes.some((o) => o.differences.some((d) => d.sdk === "throws")),
  };
}
