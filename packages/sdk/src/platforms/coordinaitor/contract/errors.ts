/**
 * @module
 * §Error Codes with their HTTP statuses, plus the HTTP-level codes server-lite needs for situations the document
 * does not name (unknown route, wrong method, unreadable or oversized body, a server fault).
 *
 * Where the document contradicts itself: it lists both 400 and 422 without mapping `VALIDATION_ERROR` to either;
 * it is 422 (the status table's "Validation errors"), with per-field `details`. 400 is kept for bodies that are not
 * JSON at all (`BAD_REQUEST`).
 */
/** Each error code with its HTTP status and default message. */
export const errorCodes = {
  AUTHENTICATION_ERROR: { status: 401, message: "Invalid or expired token" },
  AUTHORIZATION_ERROR: { status: 403, message: "Insufficient permissions" },
  VALIDATION_ERROR: { status: 422, message: "Validation failed" },
  NOT_FOUND: { status: 404, message: "Resource not found" },
  CONFLICT_ERROR: { status: 409, message: "Resource conflict" },
  RATE_LIMIT_ERROR: { status: 429, message: "Rate limit exceeded" },
  SERVICE_UNAVAILABLE: { status: 503, message: "Service temporarily unavailable" },
  // Not in the document's table: HTTP-level failures that happen before any endpoint runs.
  BAD_REQUEST: { status: 400, message: "Invalid request format" },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Unsupported content type" },
  INTERNAL_ERROR: { status: 500, message: "Internal server error" },
} as const;

/** Every code a CoordinAItor error may carry (`error.code` of the envelope, `APIError.code` in the SDK). */
export type CoordinAItorErrorCode = keyof typeof errorCodes;
