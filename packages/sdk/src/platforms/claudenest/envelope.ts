/**
 * @module
 * The ClaudeNest envelope (§1.2): `{success, data, meta: {timestamp, request_id, pagination?}}`, errors as
 * `{success: false, error: {code, message, errors?}, meta}`. Both directions live here, so that the SDK and
 * server-lite cannot drift apart.
 */
import type { DecodedError, EnvelopeCodec, Pagination, ResponseMeta } from "../../core/envelope.ts";

/** §4.1 `meta.pagination` as sent. */
export interface WirePagination {
  current_page: number;
  last_page: number;
  per_page: number;
  total: number;
}

/** §1.2 `meta` as sent: time, request id and, on lists, pagination. */
export interface WireMeta {
  timestamp: string;
  request_id: string;
  pagination?: WirePagination;
}

/** §1.2 `error` as sent. */
export interface WireError {
  code: string;
  message: string;
  /** Field errors of `VAL_001`. */
  errors?: Record<string, string[]>;
}

/** §1.2: a ClaudeNest response body, success or error. */
export type WireBody =
  | { success: true; data: unknown; meta: WireMeta }
  | { success: false; error: WireError; meta: WireMeta };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readMeta(body: Record<string, unknown>): ResponseMeta {
  const meta = isObject(body.meta) ? body.meta : {};
  const p = isObject(meta.pagination) ? (meta.pagination as unknown as WirePagination) : undefined;
  const pagination: Pagination | undefined = p
    ? { page: p.current_page, lastPage: p.last_page, perPage: p.per_page, total: p.total }
    : undefined;
  return {
    requestId: typeof meta.request_id === "string" ? meta.request_id : undefined,
    timestamp: typeof meta.timestamp === "string" ? meta.timestamp : undefined,
    pagination,
  };
}

function readError(body: unknown, status: number): DecodedError {
  if (isObject(body) && isObject(body.error)) {
    const e = body.error;
    return {
      code: typeof e.code === "string" ? e.code : undefined,
      message: typeof e.message === "string" ? e.message : `HTTP ${status}`,
      details: e.errors,
      requestId: readMeta(body).requestId,
    };
  }
  // A proxy or a crashed server: keep whatever it said.
  if (isObject(body) && typeof body.message === "string") return { message: body.message };
  return { message: typeof body === "string" && body ? body.slice(0, 500) : `HTTP ${status}` };
}

/**
 * Reads ClaudeNest's §1.2 envelope: `{success, data, meta}` or `{success: false, error, meta}`, `?page=` pagination.
 */
export const claudenestEnvelope: EnvelopeCodec = {
  decode(body, status) {
    if (isObject(body) && body.success === false) return { ok: false, error: readError(body, status) };
    if (isObject(body) && "data" in body) return { ok: true, data: body.data, meta: readMeta(body) };
    return { ok: true, data: body, meta: {} };
  },
  decodeError: (body, status) => readError(body, status),
  nextPage({ meta, query }) {
    const p = meta.pagination;
    if (!p || p.page === undefined || p.lastPage === undefined || p.page >= p.lastPage) return undefined;
    return { ...query, page: p.page + 1 };
  },
};

/** Server side: a success body. */
export function encodeSuccess(data: unknown, meta: WireMeta): WireBody {
  return { success: true, data, meta };
}

/** Server side: an error body. */
export function encodeError(error: WireError, meta: WireMeta): WireBody {
  return { success: false, error, meta };
}
