/**
 * @module
 * The error codes of CAIPE Skills with their HTTP statuses. The document defines none; the real project's
 * `ApiError` helper answers `{success: false, error: "<message>", code}` with codes such as `VALIDATION_ERROR`
 * and `FORBIDDEN`, so the codes here are in that style, one per situation a client must tell apart.
 */
/** Each error code with its HTTP status and default message. */
export const errorCodes = {
  VALIDATION_ERROR: { status: 400, message: "The request is invalid" },
  BAD_REQUEST: { status: 400, message: "The request body is not valid JSON" },
  UNAUTHORIZED: { status: 401, message: "Authentication required" },
  FORBIDDEN: { status: 403, message: "You don't have permission to do this" },
  NOT_FOUND: { status: 404, message: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed" },
  /** A scan job that has already ended cannot be cancelled. */
  JOB_FINISHED: { status: 409, message: "The scan job has already finished" },
  /** A catalog scan job is already queued or running. */
  JOB_ALREADY_RUNNING: { status: 409, message: "A scan job of this kind is already running" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the request body as application/json" },
  RATE_LIMITED: { status: 429, message: "Too many requests" },
  INTERNAL_ERROR: { status: 500, message: "Internal server error" },
  /** GitHub, the generation upstream or the supervisor answered an error or could not be reached. */
  UPSTREAM_ERROR: { status: 502, message: "An upstream service failed" },
} as const;

/** Every code a CAIPE Skills error may carry (`code` of the envelope, `APIError.code` in the SDK). */
export type CaipeErrorCode = keyof typeof errorCodes;
