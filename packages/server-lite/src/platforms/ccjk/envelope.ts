/**
 * @module
 * The server side of CCJK's envelope: successes as `{success, data}` (a list's items under its key beside
 * `pagination`), failures with the code's status and its English and Chinese messages. A handler's own message
 * replaces the English one; `messageZh` stays the code's (server-lite writes no per-case Chinese).
 */
import { encodeError, encodePage, encodeSuccess } from "@agentlane/sdk/ccjk";
import { errorCodes } from "@agentlane/sdk/ccjk/contract";
import type { ServerEnvelope } from "../../core/platform.ts";

const codeTable = errorCodes as Record<string, { status: number; message: string; messageZh: string }>;

/** CCJK Cloud's envelope for server-lite. */
export const envelope: ServerEnvelope = {
  success: (data, meta) =>
    meta.page
      ? encodePage(
          meta.itemsKey ?? "items",
          data as unknown[],
          {
            page: meta.page.page,
            limit: meta.page.perPage,
            total: meta.page.total,
            totalPages: Math.max(1, Math.ceil(meta.page.total / meta.page.perPage)),
          },
          meta.page.extra,
        )
      : encodeSuccess(data),
  failure: (code, message, errors, meta) =>
    encodeError({
      code,
      message,
      messageZh: codeTable[code]?.messageZh ?? codeTable.INTERNAL_ERROR!.messageZh,
      details: errors ?? {},
      timestamp: meta.timestamp,
      requestId: meta.requestId,
    }),
  statusOf: (code) => codeTable[code]?.status ?? 500,
  messageOf: (code) => codeTable[code]?.message ?? code,
  codes: {
    validation: "VALIDATION_ERROR",
    unauthenticated: "AUTH_INVALID",
    forbidden: "AUTH_INSUFFICIENT",
    rateLimited: "RATE_LIMITED",
    notFound: "RESOURCE_NOT_FOUND",
    methodNotAllowed: "METHOD_NOT_ALLOWED",
    // An unreadable body is a request parameter that is not valid: §9's 400.
    badRequest: "VALIDATION_ERROR",
    payloadTooLarge: "PAYLOAD_TOO_LARGE",
    unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    internal: "INTERNAL_ERROR",
  },
};
