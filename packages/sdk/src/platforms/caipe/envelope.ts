/**
 * @module
 * The CAIPE envelope, as the real project's `api-middleware` helpers write it: `{success: true, data}`, errors
 * `{success: false, error: "<message>", code, details?}` (the message is a string, the code its sibling). Both
 * directions live here, so that the SDK and server-lite cannot drift apart.
 *
 * The reader also takes what the real routes answer outside the helpers: bare JSON (the catalog's
 * `{skills, meta}`, `GET /configs`), text (the installer, the bootstrap markdown) and `{error, message}` error
 * bodies (`{error: "skills_unavailable", message}`).
 */
import type { DecodedError, EnvelopeCodec, Pagination, ResponseMeta } from "../../core/envelope.ts";

/** A CAIPE error body as sent. */
export interface WireError {
  success: false;
  /** The message. */
  error: string;
  code: string;
  /** Field errors of `VALIDATION_ERROR`: `{field: [messages]}`. */
  details?: Record<string, string[]>;
}

/** A CAIPE response body, success or error. */
export type WireBody = { success: true; data: unknown } | WireError;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The catalog's `meta` (page, page_size, total, has_more) read as pagination. */
function paginationOf(data: unknown): Pagination | undefined {
  if (!isObject(data) || !isObject(data.meta)) return undefined;
  const meta = data.meta;
  const number = (v: unknown) => (typeof v === "number" ? v : undefined);
  return {
    page: number(meta.page),
    perPage: number(meta.page_size),
    total: number(meta.total),
    hasNext: typeof meta.has_more === "boolean" ? meta.has_more : undefined,
  };
}

function readError(body: unknown, status: number): DecodedError {
  if (isObject(body)) {
    const code = typeof body.code === "string" ? body.code : undefined;
    if (typeof body.error === "string") {
      // `{error: "skills_unavailable", message: "..."}`: the error names the code, the message says it.
      if (typeof body.message === "string")
        return { code: code ?? body.error, message: body.message, details: body.details };
      return { code, message: body.error, details: body.details };
    }
    if (isObject(body.error) && typeof body.error.message === "string")
      return { code: typeof body.error.code === "string" ? body.error.code : code, message: body.error.message };
    if (typeof body.message === "string") return { code, message: body.message };
  }
  return { message: typeof body === "string" && body ? body.slice(0, 500) : `HTTP ${status}` };
}

/** Reads CAIPE answers: the `{success, data}` envelope, bare JSON and text; catalog pages by `meta.has_more`. */
export const caipeEnvelope: EnvelopeCodec = {
  decode(body, status) {
    if (isObject(body) && body.success === false) return { ok: false, error: readError(body, status) };
    const data = isObject(body) && body.success === true && "data" in body ? body.data : body;
    const pagination = paginationOf(data);
    const meta: ResponseMeta = pagination ? { pagination } : {};
    return { ok: true, data, meta };
  },
  decodeError: (body, status) => readError(body, status),
  nextPage({ meta, query }) {
    const p = meta.pagination;
    if (!p?.hasNext || p.page === undefined) return undefined;
    return { ...query, page: p.page + 1 };
  },
};

/** Server side: a success body. */
export function encodeSuccess(data: unknown): WireBody {
  return { success: true, data };
}

/** Server side: an error body. */
export function encodeError(code: string, message: string, details?: Record<string, string[]>): WireError {
  return { success: false, error: message, code, ...(details ? { details } : {}) };
}
