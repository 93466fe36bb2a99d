/**
 * @module
 * Notes' envelope: `{code: 0, message, data}` for a success, `{code: 40400, message}` for an error, always with
 * HTTP 200. The status an error stands for is its code divided by 100; 5xx codes are worth retrying.
 */
import type { EnvelopeCodec } from "@agentlane/sdk";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export const notesEnvelope: EnvelopeCodec = {
  decode(body) {
    if (isObject(body) && typeof body.code === "number" && body.code !== 0) {
      const status = Math.floor(body.code / 100);
      return {
        ok: false,
        error: {
          code: String(body.code),
          message: typeof body.message === "string" ? body.message : "error",
          status,
          retryable: status >= 500,
        },
      };
    }
    return { ok: true, data: isObject(body) ? body.data : body, meta: {} };
  },
  decodeError: (body, status) => ({
    message: isObject(body) && typeof body.message === "string" ? body.message : `HTTP ${status}`,
  }),
  nextPage({ data, query }) {
    const cursor = isObject(data) ? data.next_cursor : undefined;
    return typeof cursor === "string" ? { ...query, cursor } : undefined;
  },
};
