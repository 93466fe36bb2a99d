/**
 * @module
 * The checks beyond each read's own answer: rate-limit headers that must read as numbers, and two deliberate
 * misses whose answers must be the platform's documented errors (a read without credentials, a read of an id
 * that does not exist).
 */
import { fillPath, pathParams } from "../contract/path.ts";
import { errorTableDifference, outcomeOf, readAnswer } from "./answer.ts";
import type { CheckProfile } from "./profile.ts";
import type { Redactor } from "./redact.ts";
import type { ProbeAnswer, ProbeRequest, ProbeTransport } from "./transport.ts";
import type { Difference, EndpointOutcome } from "./types.ts";

const RATE_LIMIT_HEADERS = ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"] as const;

/** Whether an answer carries any rate-limit header. */
export function hasRateLimitHeaders(headers: Headers): boolean {
  return RATE_LIMIT_HEADERS.some((name) => headers.has(name));
}

/** Rate-limit headers that are present but not non-negative numbers, or a remaining count above the limit. */
export function rateLimitDifferences(headers: Headers): Difference[] {
  const differences: Difference[] = [];
  const numbers: Partial<Record<(typeof RATE_LIMIT_HEADERS)[number], number>> = {};
  for (const name of RATE_LIMIT_HEADERS) {
    const value = headers.get(name);
    if (value === null) continue;
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < 0)
      differences.push({ kind: "headers", path: name, documented: "a non-negative number", seen: value, sdk: "reads" });
    else numbers[name] = n;
  }
  const { "x-ratelimit-limit": limit, "x-ratelimit-remaining": remaining } = numbers;
  if (limit !== undefined && remaining !== undefined && remaining > limit)
    differences.push({
      kind: "headers",
      path: "x-ratelimit-remaining",
      documented: `at most x-ratelimit-limit (${limit})`,
      seen: String(remaining),
      sdk: "reads",
    });
  return differences;
}

/** A read as sent, for the deliberate misses to repeat. */
export interface SentRead {
  /** Whether it answered with success (its ids are real ones). */
  succeeded: boolean;
  /** The endpoint, as `resource.method`. */
  name: string;
  method: string;
  /** The documented path template. */
  path: string;
  /** The endpoint's auth requirement. */
  auth: string;
  /** The request as it was sent. */
  request: ProbeRequest;
  /** The path parameters it was sent with. */
  params: Record<string, string>;
}

/** An id of the same look as a real one that no server holds: digits stay digits, a UUID stays a UUID. */
export function missingIdLike(real: string): string {
  if (/^\d+$/.test(real)) return "987654321";
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(real))
    return "00000000-0000-4000-8000-00000000c4ec";
  const prefix = /^([A-Za-z]+[-_])/.exec(real)?.[1] ?? "";
  return `${prefix}agentlane-check-missing`;
}

/** Judges a deliberate miss: the answer must be an error with `status` and a documented code. */
function judgeMiss(
  profile: CheckProfile,
  read: SentRead,
  label: string,
  status: number,
  answer: ProbeAnswer,
  redact: Redactor,
): EndpointOutcome {
  const decoded = readAnswer(profile, answer);
  const differences: Difference[] = [];
  if (decoded.ok)
    differences.push({
      kind: "status",
      path: "(status)",
      documented: String(status),
      seen: `${answer.status}, a success`,
      sdk: "reads",
    });
  else {
    if (decoded.status !== status)
      differences.push({
        kind: "status",
        path: "(status)",
        documented: String(status),
        seen: `${decoded.status}${decoded.error.code ? ` ${decoded.error.code}` : ""}`,
        example: redact.example(decoded.error.message),
        sdk: decoded.status >= 500 ? "throws" : "reads",
      });
    const table = errorTableDifference(profile, decoded.status, decoded.error, redact);
    if (table) differences.push(table);
  }
  return outcomeOf({
    endpoint: `${read.name} (${label})`,
    method: read.method,
    path: read.path,
    httpStatus: answer.status,
    differences,
  });
}

/** Repeats a read that needs credentials without them: the answer must be a documented 401. */
export async function missingCredentials(
  profile: CheckProfile,
  transport: ProbeTransport,
  read: SentRead,
  redact: Redactor,
): Promise<EndpointOutcome> {
  const answer = await transport.send({ ...read.request, headers: {} });
  return judgeMiss(profile, read, "no credentials", 401, answer, redact);
}

/** Repeats a read with its last path parameter replaced by an id nobody holds: the answer must be a documented 404. */
export async function unknownId(
  profile: CheckProfile,
  transport: ProbeTransport,
  read: SentRead,
  redact: Redactor,
): Promise<EndpointOutcome> {
  const last = pathParams(read.path).at(-1)!;
  const params = { ...read.params, [last.name]: missingIdLike(read.params[last.name]!) };
  const answer = await transport.send({ ...read.request, path: fillPath(read.path, params) });
  return judgeMiss(profile, read, "unknown id", 404, answer, redact);
}
