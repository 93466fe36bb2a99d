/**
 * @module
 * Actus error codes. The envelope's `code` is numeric (`{code: 404, msg, data}`); server-lite names each case so
 * a handler can only fail with a documented one, and the table says which HTTP status carries it.
 *
 * Actus answers errors two ways, and both are kept:
 * - raised errors (FastAPI `AppException`): the HTTP status equals the envelope code (401, 403, 404, 409, 422,
 *   429, ...). The web UI refreshes its token only on an HTTP 401, so an unauthenticated call is HTTP 401 too.
 * - `Response.fail(...)` answers: HTTP 200 with a non-success code inside. The document names them: the storage
 *   upload to a missing bucket (`code=400`, `msg="bucket_not_exists"`), the health check with a failing service
 *   (`code=503`), and a storage check that broke (`code=500`). `status: 200` marks them below.
 */

/** Each error case: the envelope `code`, the HTTP status it is answered with, and the default `msg`. */
export const errorCodes = {
  BAD_REQUEST: { code: 400, status: 400, message: "错误的请求" },
  UNAUTHORIZED: { code: 401, status: 401, message: "未登录或登录已过期" },
  FORBIDDEN: { code: 403, status: 403, message: "无权访问" },
  NOT_FOUND: { code: 404, status: 404, message: "资源未找到" },
  METHOD_NOT_ALLOWED: { code: 405, status: 405, message: "Method Not Allowed" },
  CONFLICT: { code: 409, status: 409, message: "资源状态冲突" },
  GONE: { code: 410, status: 410, message: "This API has been removed; use /api/v2/skills" },
  PAYLOAD_TOO_LARGE: { code: 413, status: 413, message: "请求体过大" },
  UNSUPPORTED_MEDIA_TYPE: { code: 415, status: 415, message: "Unsupported media type" },
  VALIDATION: { code: 422, status: 422, message: "数据验证失败" },
  RATE_LIMITED: { code: 429, status: 429, message: "请求过多，请稍后重试" },
  INTERNAL: { code: 500, status: 500, message: "Internal Server Error" },
  UNAVAILABLE: { code: 503, status: 503, message: "服务暂不可用，请稍后重试" },
  // Answered inside HTTP 200 (`Response.fail`).
  BUCKET_NOT_EXISTS: { code: 400, status: 200, message: "bucket_not_exists" },
  SERVICE_DEGRADED: { code: 503, status: 200, message: "系统存在服务异常" },
  STORAGE_FAILED: { code: 500, status: 200, message: "MinIO health check failed" },
} as const;

/** A named Actus error case (server-lite's `ctx.fail(...)`); the wire carries its numeric `code`. */
export type ActusErrorCode = keyof typeof errorCodes;

/** The envelope codes that mean success: the server sends 200, the web UI also accepts 0. */
export const SUCCESS_CODES: readonly number[] = [0, 200];
