/**
 * @module
 * §9 error codes with their HTTP statuses, verbatim, and a Chinese message for each (`messageZh`; the seed
 * copy of the document had its Chinese garbled, so these are written afresh). The document names no code for
 * a few situations the HTTP layer meets before any endpoint runs (unknown route, wrong method, unreadable or
 * too large a body); server-lite answers them with the closest documented code (`RESOURCE_NOT_FOUND`,
 * `VALIDATION_ERROR`) and, where none fits, a code of the same style (`METHOD_NOT_ALLOWED`, `PAYLOAD_TOO_LARGE`,
 * `UNSUPPORTED_MEDIA_TYPE`).
 */

/** Each error code with its HTTP status and default messages. */
export const errorCodes = {
  AUTH_INVALID: { status: 401, message: "Invalid or missing API key", messageZh: "API 密钥无效或缺失" },
  AUTH_EXPIRED: { status: 401, message: "API key has expired", messageZh: "API 密钥已过期" },
  AUTH_INSUFFICIENT: { status: 403, message: "Insufficient permissions", messageZh: "权限不足" },
  RATE_LIMITED: { status: 429, message: "Rate limit exceeded", messageZh: "请求过于频繁，已超出速率限制" },
  RESOURCE_NOT_FOUND: { status: 404, message: "Resource not found", messageZh: "资源不存在" },
  RESOURCE_EXISTS: { status: 409, message: "Resource already exists", messageZh: "资源已存在" },
  VALIDATION_ERROR: { status: 400, message: "Invalid request parameters", messageZh: "请求参数无效" },
  CONFLICT_DETECTED: { status: 409, message: "Sync conflict detected", messageZh: "检测到同步冲突" },
  SERVICE_UNAVAILABLE: { status: 503, message: "Service temporarily unavailable", messageZh: "服务暂时不可用" },
  INTERNAL_ERROR: { status: 500, message: "Internal server error", messageZh: "服务器内部错误" },
  // Not in §9: HTTP-level failures that happen before any endpoint runs.
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed", messageZh: "不支持该请求方法" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large", messageZh: "请求体过大" },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: "Send the request body as application/json",
    messageZh: "请以 application/json 格式发送请求体",
  },
} as const;

/** Every code a CCJK error may carry (`error.code` of the envelope, `APIError.code` in the SDK). */
export type CCJKErrorCode = keyof typeof errorCodes;
