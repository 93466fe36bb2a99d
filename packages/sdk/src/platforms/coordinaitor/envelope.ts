/**
 * @module
 * The CoordinAItor envelope (§Request/Response Format): `{success, data, meta: {requestId, timestamp, version}}`,
 * lists with a top-level `pagination` (`page, limit, total, pages, hasNext, hasPrev`) and `links`, errors as
 * `{success: false, error: {code, message, details}, meta}`. Both directions live here, so that the SDK and
 * server-lite cannot drift apart.
 *
 * The SDK also reads what the document shows elsewhere: the bare login answer of the Authentication section
 * (`{accessToken, refreshToken, ...}` without `success`), and the real server's `{error: "text"}`.
 */
import type { DecodedError, EnvelopeCodec, Pagination, ResponseMeta } from "../../core/envelope.ts";

/** §Pagination Format: `pagination` as sent. */
export interface WirePagination {
  page: number;
  limit: number;
  total: number;
  pages: number;
  hasNext: boolean;
  hasPrev: boolean;
}

/** §Pagination Format: `links` as sent (paths with their query, `null` where there is no such page). */
export interface WireLinks {
  first: string;
  last: string;
  next: string | null;
  prev: string | null;
}

/** `meta` as sent. */
export interface WireMeta {
  requestId: string;
  timestamp: string;
  version?: string;
}

/** §Error Response Format: `error` as sent. */
export interface WireError {
  code: string;
  message: string;
  /** Field errors of `VALIDATION_ERROR`: `{title: ["Title is required"]}`. */
  details?: Record<string, string[]>;
}

/** A CoordinAItor response body, success or error. */
export type WireBody =
  | { success: true; data: unknown; meta: WireMeta; pagination?: WirePagination; links?: WireLinks }
  | { success: false; error: WireError; meta: WireMeta };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function readMeta(body: Record<string, unknown>): ResponseMeta {
  const meta = isObject(body.meta) ? body.meta : {};
  const p = isObject(body.pagination) ? body.pagination : undefined;
  const links = isObject(body.links) ? body.links : undefined;
  let pagination: Pagination | undefined;
  if (p) {
    const hasNext = typeof p.hasNext === "boolean" ? p.hasNext : links ? typeof links.next === "string" : undefined;
    pagination = { page: num(p.page), lastPage: num(p.pages), perPage: num(p.limit), total: num(p.total), hasNext };
  }
  return {
    requestId: typeof meta.requestId === "string" ? meta.requestId : undefined,
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
      details: e.details,
      requestId: readMeta(body).requestId,
    };
  }
  // The real server answers `{error: "text"}`; a proxy may answer anything.
  if (isObject(body) && typeof body.error === "string") return { message: body.error };
  if (isObject(body) && typeof body.message === "string") return { message: body.message };
  return { message: typeof body === "string" && body ? body.slice(0, 500) : `HTTP ${status}` };
}

/** Reads CoordinAItor's envelope, and the bare bodies the document also shows. */
export const coordinaitorEnvelope: EnvelopeCodec = {
  decode(body, status) {
    if (isObject(body) && body.success === false) return { ok: false, error: readError(body, status) };
    if (isObject(body) && body.success === true && "data" in body)
      return { ok: true, data: body.data, meta: readMeta(body) };
    return { ok: true, data: body, meta: {} };
  },
  decodeError: (body, status) => readError(body, status),
  nextPage({ meta, query }) {
    const p = meta.pagination;
    if (!p || p.page === undefined) return undefined;
    const more = p.hasNext ?? (p.lastPage !== undefined && p.page < p.lastPage);
    return more ? { ...query, page: p.page + 1 } : undefined;
  },
};

/** Server side: a success body; a page of a list also carries `pagination` and `links`. */
export function encodeSuccess(
  data: unknown,
  meta: WireMeta,
  page?: { pagination: WirePagination; links: WireLinks },
): WireBody {
  return page
    ? { success: true, data, pagination: page.pagination, links: page.links, meta }
    : { success: true, data, meta };
}

/** Server side: an error body. */
export function encodeError(error: WireError, meta: WireMeta): WireBody {
  return { success: false, error, meta };
}

/** Server side: the pagination block and links of one page of `total` items, for a request's path and query. */
export function pageBlock(
  path: string,
  query: Record<string, unknown>,
  page: number,
  limit: number,
  total: number,
): { pagination: WirePagination; links: WireLinks } {
  const pages = Math.max(1, Math.ceil(total / limit));
  const link = (n: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && key !== "page" && key !== "limit") search.set(key, String(value));
    search.set("page", String(n));
    search.set("limit", String(limit));
    return `${path}?${search}`;
  };
  return {
    pagination: { page, limit, total, pages, hasNext: page < pages, hasPrev: page > 1 },
    links: {
      first: link(1),
      last: link(pages),
      next: page < pages ? link(page + 1) : null,
      prev: page > 1 ? link(Math.min(page - 1, pages)) : null,
    },
  };
}
