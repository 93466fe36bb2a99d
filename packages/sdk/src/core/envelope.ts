/**
 * @module
 * How a platform wraps its answers. The core knows no platform by name: each one gives a codec, and the codec
 * alone decides where data, pagination and errors sit (an error may arrive with HTTP 200 and its code in the
 * body), which error class it becomes and whether it is worth retrying.
 */

/** Where a page sits in its list, in the platform's terms; every field the platform does not send is absent. */
export interface Pagination {
  page?: number | undefined;
  lastPage?: number | undefined;
  perPage?: number | undefined;
  total?: number | undefined;
  /** Whether another page follows, when the platform says so (`hasNext`, a `links.next`, a cursor). */
  hasNext?: boolean | undefined;
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
  /**
   * The HTTP status the error stands for, when the platform reports it in the body (an error inside HTTP 200):
   * it chooses the error class and whether the call is retried. @default the response's HTTP status
   */
  status?: number | undefined;
  /**
   * Whether repeating the request may succeed, when the platform says so; otherwise the status decides
   * (network errors, 408, 429 and 5xx are retried).
   */
  retryable?: boolean | undefined;
}

/** A response body read by an envelope codec: the data and meta, or the error it reported. */
export type Decoded = { ok: true; data: unknown; meta: ResponseMeta } | { ok: false; error: DecodedError };

/** What `nextPage` is given: the page just read and the input that asked for it. */
export interface PageContext {
  meta: ResponseMeta;
  data: unknown;
  /** The previous call's input (path parameters, query and body keys together). */
  query: Record<string, unknown>;
}

/** How a platform wraps success, errors and pagination; the HTTP client knows no platform but through it. */
export interface EnvelopeCodec {
  /**
   * Unwraps the parsed body of a successful HTTP response (JSON, else text, else `null`); a platform may still
   * report an error in it, with the status it stands for.
   */
  decode(body: unknown, status: number, headers: Headers): Decoded;
  /** Reads the parsed body (JSON, text or nothing) of an HTTP error response. */
  decodeError(body: unknown, status: number, headers: Headers): DecodedError;
  /**
   * The input of the page after this one (`{...query, page: 3}`, `{...query, cursor}`), or `undefined` on the
   * last page.
   */
  nextPage?(page: PageContext): Record<string, unknown> | undefined;
}
