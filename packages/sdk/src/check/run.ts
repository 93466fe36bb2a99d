/**
 * @module
 * `checkServer()`: reads every documented read endpoint of a platform's contract on a real server, following the
 * ids its lists answer, judges each answer against the contract, makes two deliberate misses, and returns a
 * report. It sends nothing but reads (and the login, when asked to log in), and stops at the first 401.
 */
import type { EndpointSpec } from "../contract/endpoint.ts";
import { fillPath, pathParams } from "../contract/path.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import { judgeAnswer, readAnswer } from "./answer.ts";
import { authenticate, CredentialsError } from "./credentials.ts";
import { DiscoveredIds } from "./discovery.ts";
import { hasRateLimitHeaders, missingCredentials, rateLimitDifferences, type SentRead, unknownId } from "./probes.ts";
import type { CheckCredentials, CheckProfile } from "./profile.ts";
import { loadCheckProfile } from "./profiles.ts";
import { Redactor } from "./redact.ts";
import { summarize } from "./summary.ts";
import { ProbeTransport, type ProbeTransportOptions, UnreachableError } from "./transport.ts";
import type { CheckReport, EndpointOutcome } from "./types.ts";

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

/**
 * Checks a server against a platform's contract, read-only.
 * @example
 * const report = await checkServer({ platform: "claudenest", baseUrl: "http://localhost:8000/api", credentials: { token } });
 * if (report.breaking) console.log(renderReport(report));
 */
export async function checkServer(options: CheckOptions): Promise<CheckReport> {
  const profile = typeof options.platform === "string" ? await loadCheckProfile(options.platform) : options.platform;
  const transport = new ProbeTransport({ ...options, baseUrl: options.baseUrl });
  const redact = new Redactor();
  const outcomes: EndpointOutcome[] = [];
  const notes: string[] = [];
  let stopped: string | undefined;
  let rateLimited = false;
  /** Reads that were answered with something else than 401 or 403, for the deliberate misses to repeat. */
  const answered: SentRead[] = [];

  try {
    const auth = await authenticate(profile, options.credentials ?? {}, transport, redact);
    if (auth.via === "login") notes.push("Logged in with the login and password given (the one write sent).");
    if (auth.via === undefined) notes.push("No credentials given: reads that need them were skipped.");
    const ids = new DiscoveredIds();
    let pending = readsOf(profile).filter((read) => {
      const reason = profile.skip?.[read.name];
      if (reason) outcomes.push(skipped(read, reason));
      return !reason;
    });
    for (let progress = true; progress && pending.length > 0; ) {
      progress = false;
      const waiting: Read[] = [];
      for (const read of pending) {
        const params = resolveParams(profile, ids, read);
        if (!params) {
          waiting.push(read);
          continue;
        }
        progress = true;
        const outcome = await readOnce(read, params);
        outcomes.push(outcome);
      }
      pending = waiting;
    }
    for (const read of pending) {
      const missing = pathParams(read.spec.path)
        .filter((p) => ids.resolve(read.resource, read.spec, p, profile.follow?.[read.name]?.[p.name]) === undefined)
        .map((p) => ids.describe(read.resource, read.spec, p, profile.follow?.[read.name]?.[p.name]));
      outcomes.push(skipped(read, `no ${missing.join(", ")} to follow: no list read answered one`));
    }
    const guarded = answered.find((s) => s.auth !== "none" && s.auth !== "optional");
    if (guarded) outcomes.push(await missingCredentials(profile, transport, guarded, redact));
    // An unknown id: in a read that answered with a listed id, else in one no list gave an id for.
    const withId =
      answered.find((s) => s.succeeded && pathParams(s.path).length > 0) ??
      pending.map((read) => unresolvedRead(read, auth.headers)).find((s) => s !== undefined);
    if (withId && (auth.via !== undefined || withId.auth === "none"))
      outcomes.push(await unknownId(profile, transport, withId, redact));

    async function readOnce(read: Read, params: Record<string, string>): Promise<EndpointOutcome> {
      const { spec } = read;
      const query = profile.queries?.[read.name] ?? {};
      if (!acceptsQuery(spec.query, query))
        return skipped(read, "its query has required keys the profile gives no value for");
      if (auth.via === undefined && spec.auth !== "none" && spec.auth !== "optional")
        return skipped(read, "needs credentials");
      const request = {
        method: "GET",
        path: fillPath(spec.path, params),
        query,
        headers: spec.auth === "none" ? {} : auth.headers,
      };
      const answer = await transport.send(request);
      rateLimited ||= hasRateLimitHeaders(answer.headers);
      const read401 = readAnswer(profile, answer);
      if (!read401.ok && read401.status === 401 && spec.auth !== "none")
        throw new Stop(
          `The server refused the credentials (401) at GET ${spec.path}: check the token, API key or login ` +
            "given. Nothing more was sent.",
        );
      if (!read401.ok && read401.status === 403)
        return skipped(
          read,
          `forbidden for these credentials (403${read401.error.code ? ` ${read401.error.code}` : ""})`,
          answer.status,
        );
      const { outcome, read: decoded } = judgeAnswer(profile, read.name, spec, answer, redact);
      outcome.differences.push(...rateLimitDifferences(answer.headers));
      if (decoded.ok) ids.record(read.resource, spec, decoded.data);
      answered.push({ ...describeRead(read, request, params), succeeded: decoded.ok });
      return outcome.differences.length > 0 && outcome.status === "ok" ? { ...outcome, status: "differs" } : outcome;
    }
  } catch (error) {
    if (error instanceof Stop || error instanceof CredentialsError) stopped = error.message;
    else if (error instanceof UnreachableError)
      stopped = `Could not reach ${redact.text(transport.url({ path: "" }))}: ${redact.text(error.message)}`;
    else throw error;
  }
  if (!stopped && !rateLimited) notes.push("No answer carried rate-limit headers (X-RateLimit-*).");
  const summary = summarize(outcomes);
  return {
    platform: profile.id,
    baseUrl: redact.text(options.baseUrl.replace(/[?#].*$/, "")),
    mode: "read-only",
    outcomes,
    notes,
    stopped,
    summary,
    breaking: stopped !== undefined || outcomes.some((o) => o.differences.some((d) => d.sdk === "throws")),
  };
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

function describeRead(read: Read, request: SentRead["request"], params: Record<string, string>): SentRead {
  return {
    name: read.name,
    method: "GET",
    path: read.spec.path,
    auth: read.spec.auth,
    request,
    params,
    succeeded: false,
  };
}

/** A read with one path parameter that no list answered, to be tried with an id nobody holds. */
function unresolvedRead(read: Read, headers: Record<string, string>): SentRead | undefined {
  const params = pathParams(read.spec.path);
  if (params.length !== 1 || !acceptsQuery(read.spec.query, {})) return undefined;
  const request = { method: "GET", path: read.spec.path, headers: read.spec.auth === "none" ? {} : headers };
  return describeRead(read, request, { [params[0]!.name]: "" });
}

function resolveParams(profile: CheckProfile, ids: DiscoveredIds, read: Read): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const param of pathParams(read.spec.path)) {
    const value = ids.resolve(read.resource, read.spec, param, profile.follow?.[read.name]?.[param.name]);
    if (value === undefined) return undefined;
    params[param.name] = value;
  }
  return params;
}
