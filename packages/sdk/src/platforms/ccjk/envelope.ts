/**
 * @module
 * The CCJK Cloud envelope (§1, §9): `{success: true, data}`, lists as `data.<items>` beside `data.pagination`,
 * errors as `{success: false, error: {code, message, messageZh, details, timestamp, requestId}}`. Both directions
 * live here, so that the SDK and server-lite cannot drift apart.
 *
 * The live server answers some errors in other shapes (the ccjk CLI's own notes): Fastify's
 * `{message, error, statusCode}` and `{success: false, error: "Not found", path}`, with the error as a string.
 * Those are read too, so a client gets an `APIError` with a message rather than a parse failure.
 */
import type { DecodedError, EnvelopeCodec, ResponseMeta } from "../../core/envelope.ts";

/** §5 `data.pagination` as sent. */
export interface WirePagination {
  page: number;
  limit: number;
  total: number;
  totalPages?: number;
}

/** §9 `error` as sent. */
export interface WireError {
  code: string;
  message: string;
  messageZh: string;
  /** Field errors of `VALIDATION_ERROR` (`{field: [messages]}`); `{}` otherwise. */
  details: Record<string, unknown>;
  timestamp: string;
  requestId: string;
}

/** A CCJK response body, success or error. */
export type WireBody = { success: true; data: unknown } | { success: false; error: WireError };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function metaOf(data: unknown, headers: Headers | undefined): ResponseMeta {
  const requestId = headers?.get("x-request-id") ?? undefined;
  const p = isObject(data) && isObject(data.pagination) ? (data.pagination as unknown as WirePagination) : undefined;
  if (!p) return { requestId };
  const lastPage = p.totalPages ?? (p.limit > 0 ? Math.max(1, Math.ceil(p.total / p.limit)) : undefined);
  return { requestId, pagination: { page: p.page, perPage: p.limit, total: p.total, lastPage } };
}

function readError(body: unknown, status: number, headers: Headers | undefined): DecodedError {
  const headerId = headers?.get("x-request-id") ?? undefined;
  if (isObject(body) && isObject(body.error)) {
    const e = body.error;
    return {
      code: typeof e.code === "string" ? e.code : undefined,
      message: typeof e.message === "string" ? e.message : `HTTP ${status}`,
      details: e.details,
      requestId: typeof e.requestId === "string" ? e.requestId : headerId,
    };
  }
  if (isObject(body)) {
    // `{success: false, error: "Not found", code?}` (the CLI reads these) or Fastify's `{message, error, statusCode}`.
    const message =
      typeof body.message === "string" ? body.message : typeof body.error === "string" ? body.error : undefined;
    if (message !== undefined)
      return { message, code: typeof body.code === "string" ? body.code : undefined, requestId: headerId };
  }
  return { message: typeof body === "string" && body ? body.slice(0, 500) : `HTTP ${status}`, requestId: headerId };
}

/** Reads CCJK's envelope: `{success, data}` or `{success: false, error}`, `?page=` pagination from `data.pagination`. */
export const ccjkEnvelope: EnvelopeCodec = {
  decode(body, status, headers) {
    if (isObject(body) && body.success === false) return { ok: false, error: readError(body, status, headers) };
    if (isObject(body) && "data" in body) return { ok: true, data: body.data, meta: metaOf(body.data, headers) };
    return { ok: true, data: body, meta: { requestId: headers.get("x-request-id") ?? undefined } };
  },
  decodeError: (body, status, headers) => readError(body, status, headers),
  nextPage({ meta, query }) {
    const p = meta.pagination;
    if (!p || p.page === undefined || p.lastPage === undefined || p.page >= p.lastPage) return undefined;
    return { ...query, page: p.page + 1 };
  },
};

/** Server side: a success body. */
export function encodeSuccess(data: unknown): WireBody {
  return { success: true, data };
}

/** Server side: a list page, its items under `key` beside `pagination` (and any other keys of `extra`). */
export function encodePage(
  key: string,
  items: unknown[],
  pagination: WirePagination,
  extra?: Record<string, unknown>,
): WireBody {
  return { success: true, data: { ...extra, [key]: items, pagination } };
}

/** Server side: an error body. */
export function encodeError(error: WireError): WireBody {
  return { success: false, error };
}
