/**
 * @module
 * server-lite's side of the CoordinAItor envelope: successes with `meta: {requestId, timestamp, version}`, pages
 * with `pagination` and `links`, errors with `details`; the codes for what the core detects.
 */
import { encodeError, encodeSuccess, pageBlock } from "@agentlane/sdk/coordinaitor";
import { errorCodes } from "@agentlane/sdk/coordinaitor/contract";
import type { ServerEnvelope } from "../../core/platform.ts";
import { API_VERSION } from "./handlers/system.ts";

const codeTable = errorCodes as Record<string, { status: number; message: string }>;

export const envelope: ServerEnvelope = {
  success: (data, meta) =>
    encodeSuccess(
      data,
      { requestId: meta.requestId, timestamp: meta.timestamp, version: API_VERSION },
      meta.page
        ? pageBlock(meta.path ?? "", meta.query ?? {}, meta.page.page, meta.page.perPage, meta.page.total)
        : undefined,
    ),
  failure: (code, message, errors, meta) =>
    encodeError(
      { code, message, ...(errors ? { details: errors } : {}) },
      { requestId: meta.requestId, timestamp: meta.timestamp },
    ),
  statusOf: (code) => codeTable[code]?.status ?? 500,
  messageOf: (code) => codeTable[code]?.message ?? code,
  codes: {
    validation: "VALIDATION_ERROR",
    unauthenticated: "AUTHENTICATION_ERROR",
    forbidden: "AUTHORIZATION_ERROR",
    rateLimited: "RATE_LIMIT_ERROR",
    notFound: "NOT_FOUND",
    methodNotAllowed: "METHOD_NOT_ALLOWED",
    badRequest: "BAD_REQUEST",
    payloadTooLarge: "PAYLOAD_TOO_LARGE",
    unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    internal: "INTERNAL_ERROR",
  },
};
