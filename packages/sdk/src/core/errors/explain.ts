/**
 * @module
 * Messages that say what to do. A platform's own message ("Unauthenticated.", "The given data was invalid.", or
 * just "HTTP 404") is right but rarely enough: the SDK knows what it sent, so it adds what the answer means for
 * this call. A 404 that is no error of the platform's names the URL and the client's `baseUrl`; a 401 says whether
 * credentials were sent at all; a validation failure leads with its first field problem.
 */

/** What the SDK sent, as far as an error message needs it. */
export interface SentRequest {
  method: string;
  /** The full URL of the request. */
  url: string;
  /** The client's `baseUrl` option. */
  baseUrl: string;
  /**
   * Whether the call carried credentials (a token, an API key, a session) at all; `undefined` for an endpoint that
   * needs none (a login's 401 is about the password, not about a token).
   */
  credentialsSent: boolean | undefined;
}

/** What a platform said, read from its envelope. */
export interface PlatformComplaint {
  status: number;
  code?: string | undefined;
  message: string;
  details?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The first field problem in a platform's validation details, as `field: message`: Laravel-style
 * `{ field: [messages] }` or a list of `{ loc | path | field, msg | message }` (FastAPI, zod). `undefined` when
 * the details name no field.
 *
 * @example
 * firstFieldProblem({ project_id: ["The project_id field is required."] }); // "project_id: The project_id field is required."
 */
export function firstFieldProblem(details: unknown): string | undefined {
  if (Array.isArray(details)) {
    const first = details.find(isRecord);
    if (!first) return undefined;
    const where = first.loc ?? first.path ?? first.field;
    const steps = Array.isArray(where) ? where.filter((s) => s !== "body" && s !== "query").map(String) : [where];
    const message = first.msg ?? first.message;
    return typeof message === "string" && steps.length > 0 && steps[0] !== undefined
      ? `${steps.join(".")}: ${message}`
      : undefined;
  }
  // Only a map whose every value is a list of messages is field errors: other details (the bucket an error is
  // about, say) are data, not problems.
  if (!isRecord(details)) return undefined;
  const entries = Object.entries(details);
  const messages = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((m) => typeof m === "string");
  if (entries.length === 0 || !entries.every(([, problem]) => messages(problem))) return undefined;
  const [field, problem] = entries[0]!;
  return `${field}: ${(problem as string[])[0]}`;
}

/** How many field problems the details list, counting each message. */
function problemCount(details: unknown): number {
  if (Array.isArray(details)) return details.length;
  if (!isRecord(details)) return 0;
  return Object.values(details).reduce<number>((n, p) => n + (Array.isArray(p) ? p.length : 1), 0);
}

/**
 * A platform's error message with what it means for the request that was sent.
 *
 * @example
 * explainedMessage({ status: 401, code: "AUTH_002", message: "Unauthenticated." }, sent);
 * // "Unauthenticated. (the SDK sent no credentials: set the client's `token` or `auth`)"
 */
export function explainedMessage(complaint: PlatformComplaint, sent: SentRequest | undefined): string {
  const { status, code, message, details } = complaint;
  if (status === 422 || status === 400) {
    const first = firstFieldProblem(details);
    if (!first || message.includes(first)) return message;
    const more = problemCount(details) - 1;
    return more > 0 ? `${first} (and ${more} more in fieldErrors)` : first;
  }
  if (!sent) return message;
  if (status === 401 && sent.credentialsSent !== undefined) {
    return sent.credentialsSent
      ? `${message} (the SDK sent credentials; the server did not accept them)`
      : `${message} (the SDK sent no credentials: set the client's \`token\` or \`auth\`)`;
  }
  // A platform's own 404 (an unknown machine, task, ...) carries its code; one without is no route at all.
  if (status === 404 && (code === undefined || code === "404")) {
    return `${message} (${sent.method} ${sent.url} matched no route: is the client's baseUrl, ${sent.baseUrl}, the API's root, prefix included?)`;
  }
  return message;
}
