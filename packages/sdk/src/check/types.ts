/**
 * @module
 * What a compatibility check reports: for each documented read endpoint, whether the server's answer matched the
 * contract, matched a known variant, or differed (and how), with what the SDK does with such an answer.
 */

/**
 * The kinds of difference a check tells apart:
 * - `missing-key`, `unknown-key`, `wrong-type`, `enum`, `constraint`: the answer's data against the response schema;
 * - `envelope`: the wrapper around the data (`{success, data, meta}`) is not the platform's;
 * - `pagination`: a documented list answered without the pagination the SDK pages with;
 * - `status`: an HTTP status the contract does not document for this call;
 * - `error`: an error answer outside the platform's envelope or error table;
 * - `server-error`: a 5xx, or no answer at all;
 * - `headers`: rate-limit headers that do not read as numbers;
 * - `realtime`: the realtime handshake (connect, authorize a channel) failed;
 * - `variant`: a shape the server is known to answer in, which the SDK reads.
 */
export type DifferenceKind =
  | "missing-key"
  | "unknown-key"
  | "wrong-type"
  | "enum"
  | "constraint"
  | "envelope"
  | "pagination"
  | "status"
  | "error"
  | "server-error"
  | "headers"
  | "realtime"
  | "variant";

/**
 * What the SDK does with the answer: `reads` (the answer reads as typed, anything extra is ignored),
 * `reads-variant` (it reads the server's known other shape) or `throws` (a typed error, or with `validate` a
 * `ResponseValidationError`; without validation the value would not be what its type says).
 */
export type SdkBehaviour = "reads" | "reads-variant" | "throws";

/** One way an answer departs from the contract. */
export interface Difference {
  kind: DifferenceKind;
  /** Where in the body (`data.tasks[].status`), or `(status)`, `(headers)`, `(body)`. */
  path: string;
  /** What the contract documents there. */
  documented: string;
  /** What the server answered. */
  seen: string;
  /** One value the server sent there, shortened and with secrets removed. */
  example?: string | undefined;
  sdk: SdkBehaviour;
}

/**
 * How one call ended: `ok`, `variant` (a known real-server shape), `differs`, `documented-error` (an error the
 * contract lists for this endpoint, such as "no task available"), or `skipped` (not called, with the reason).
 */
export type OutcomeStatus = "ok" | "variant" | "differs" | "documented-error" | "skipped";

/** One endpoint, or one deliberate miss, as checked. */
export interface EndpointOutcome {
  /** The endpoint's name in the contract (`tasks.list`); a deliberate miss adds what it tried (`tasks.get (unknown id)`). */
  endpoint: string;
  method: string;
  /** The documented path template (`/projects/{project}/tasks`). */
  path: string;
  status: OutcomeStatus;
  /** The HTTP status answered, when a request was sent. */
  httpStatus?: number | undefined;
  /** Why it was skipped, or what the documented error was. */
  reason?: string | undefined;
  /**
   * What the SDK does with this answer: the worst of its differences, `reads` when there are none; for a
   * `documented-error`, `throws` (the typed error the contract documents, which is not a difference).
   */
  sdk: SdkBehaviour;
  differences: Difference[];
}

/** A whole run. */
export interface CheckReport {
  platform: string;
  /** The base URL checked (without credentials or query). */
  baseUrl: string;
  /** `read-only`: only reads and the login were sent; `read-write`: the write round trip too. */
  mode: "read-only" | "read-write";
  outcomes: EndpointOutcome[];
  /** What the run noticed that is not a difference (no rate-limit headers, a login used). */
  notes: string[];
  /** Set when the run stopped early (credentials refused, server unreachable): what to do about it. */
  stopped?: string | undefined;
  summary: CheckSummary;
  /** True when some answer would make the SDK throw, or the run stopped: the CLI then exits with 1. */
  breaking: boolean;
}

/** Counts of a report's outcomes, and its differences by kind. */
export interface CheckSummary {
  ok: number;
  variant: number;
  differs: number;
  documentedError: number;
  skipped: number;
  byKind: Partial<Record<DifferenceKind, number>>;
}
