/**
 * @module
 * How a platform wraps its answers. The core knows no platform by name: each one gives a codec.
 */

/** Where a page sits in its list (ClaudeNest's `meta.pagination`, in camelCase). */
export interface Pagination {
  page: number;
  lastPage: number;
  perPage: number;
  total: number;
}

/** What a response said besides its data. */
export interface ResponseMeta {
  requestId?: string | undefined;
  timestamp?: string | undefined;
  pagination?: Pagination | undefined;
}

/** An error answer, read from the platform's envelope. */
export interface DecodedError {
  code?: string | undefined;
  message: string;
  details?: unknown;
  requestId?: string | undefined;
}

/** A response body read by an envelope codec: the data and meta, or the error it reported. */
export type Decoded = { ok: true; data: unknown; meta: ResponseMeta } | { ok: false; error: DecodedError };

/** How a platform wraps success, errors and pagination; the HTTP client knows no platform but through it. */
export interface EnvelopeCodec {
  /** Unwraps the parsed JSON body of a successful HTTP response; a platform may still report an error in it. */
  decode(body: unknown, status: number, headers: Headers): Decoded;
  /** Reads the parsed body (JSON, text or nothing) of an HTTP error response. */
  decodeError(body: unknown, status: number, headers: Headers): DecodedError;
  /** The query of the page after the one described by `meta`, or `undefined` on the last page. */
  nextPage?(meta: ResponseMeta, query: Record<string, unknown>): Record<string, unknown> | undefined;
}
