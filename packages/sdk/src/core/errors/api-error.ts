/**
 * @module
 * Errors answered by a platform: one base class with everything the response said, and one subclass per
 * status family. `errorClassForStatus` is the table the README documents.
 */
import { AgentlaneError } from "./agentlane-error.ts";
import { hasKind, markError } from "./brand.ts";

/** What an {@link APIError} is made from. */
export interface APIErrorInit {
  /** The status the error stands for: the HTTP status, or the one the platform reported in the body. */
  status: number;
  /** The HTTP status of the response, when it differs from `status` (an error inside HTTP 200). */
  httpStatus?: number | undefined;
  /** The platform's own error code, e.g. `PAR_002`. */
  code?: string | undefined;
  message: string;
  /** Field errors (`{ email: ["The email field is required."] }`) or other details the platform sent. */
  details?: unknown;
  requestId?: string | undefined;
  headers?: Headers | undefined;
  /** The parsed response body, as received. */
  body?: unknown;
}

/**
 * The platform answered with an error: its status, the platform's `code` (e.g. `TSK_002`), message, details and
 * request id. Subclasses follow the status.
 */
export class APIError extends AgentlaneError {
  override name = "APIError";
  readonly status: number;
  /** The response's HTTP status; it differs from `status` when the platform reported an error inside a success. */
  readonly httpStatus: number;
  readonly code: string | undefined;
  readonly details: unknown;
  readonly requestId: string | undefined;
  readonly headers: Headers;
  readonly body: unknown;

  constructor(init: APIErrorInit) {
    super(`${init.status}${init.code ? ` ${init.code}` : ""}: ${init.message}`);
    markError(this, "api");
    this.status = init.status;
    this.httpStatus = init.httpStatus ?? init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
    this.headers = init.headers ?? new Headers();
    this.body = init.body;
  }

  /** Field errors of a validation failure, when the platform sent them as `{ field: [messages] }`. */
  get fieldErrors(): Record<string, string[]> | undefined {
    const d = this.details;
    if (typeof d !== "object" || d === null || Array.isArray(d)) return undefined;
    return Object.values(d).every(Array.isArray) ? (d as Record<string, string[]>) : undefined;
  }
}

/** HTTP 400, e.g. ClaudeNest `MCH_002` (machine offline) or `SES_002` (session already terminated). */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
/** HTTP 401: the token is missing, unknown, expired or revoked (ClaudeNest `AUTH_002`). */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
/** HTTP 403, e.g. ClaudeNest `TSK_003` (task not claimed by this instance). */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
/** HTTP 404, e.g. ClaudeNest `MCH_001`, `TSK_001`. */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
/** HTTP 409, e.g. ClaudeNest `TSK_002` (task already claimed) or `LCK_001` (file locked by another instance). */
export class ConflictError extends APIError {
  override name = "ConflictError";
}
/** HTTP 410, e.g. ClaudeNest `PAR_002` (pairing code expired). */
export class GoneError extends APIError {
  override name = "GoneError";
}
/** HTTP 422: validation failed (ClaudeNest `VAL_001`); `fieldErrors` lists the messages per field. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
/** HTTP 429: rate limited (ClaudeNest `RTE_001`); a retried call first waits for `Retry-After` or `X-RateLimit-Reset`. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
/** Any HTTP 5xx, e.g. ClaudeNest `MCP_002`, `CMD_002`, `SRV_001`. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** Status to error class; 5xx statuses all map to `InternalServerError`, anything else to `APIError`. */
export const errorClassForStatus = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: GoneError,
  422: UnprocessableEntityError,
  429: RateLimitError,
} as const;

/** One row of {@link errorTable}. */
export interface ErrorTableRow {
  /** An HTTP status, or `"5xx"` for every server error. */
  status: number | "5xx";
  /** The class thrown for it (its `name`). */
  name: string;
}

/**
 * The headers of the throwaway errors {@link errorTable} reads names from: an empty `Headers` would load Node's whole
 * fetch implementation (undici) when the SDK is imported, before any request needs it.
 */
const NO_HEADERS = Object.freeze({}) as Headers;

/** Which error class each status throws, as the README's table lists it: `[{ status: 404, name: "NotFoundError" }, …]`. */
export const errorTable: readonly ErrorTableRow[] = /* @__PURE__ */ (() => [
  ...Object.entries(errorClassForStatus).map(([status, ErrorClass]) => ({
    status: Number(status),
    name: new ErrorClass({ status: Number(status), message: "", headers: NO_HEADERS }).name,
  })),
  { status: "5xx" as const, name: new InternalServerError({ status: 500, message: "", headers: NO_HEADERS }).name },
])();

/** The {@link APIError} subclass for a status, made from what the response said. */
export function createAPIError(init: APIErrorInit): APIError {
  if (init.status >= 500) return new InternalServerError(init);
  const ErrorClass = (errorClassForStatus as Record<number, typeof APIError>)[init.status] ?? APIError;
  return new ErrorClass(init);
}

/** Whether `value` is an {@link APIError} (any subclass), also across bundles and realms. */
export function isAPIError(value: unknown): value is APIError {
  return hasKind(value, "api");
}
