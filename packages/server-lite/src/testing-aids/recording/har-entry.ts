/**
 * @module
 * One exchange as a HAR 1.2 entry: request and response with their headers, query and bodies (secrets redacted,
 * binary bodies in base64, long ones cut), timing, and server-lite's own fields (`_requestId`, `_fault`).
 */
import type { Entry, PostData } from "har-format";
import type { FaultKind } from "../chaos/options.ts";
import { REDACTED, redactBody, redactPairs } from "./redact.ts";

/** A recorded body: its bytes as read, cut at the recording's limit. */
export interface CapturedBody {
  bytes: Uint8Array;
  /** The body's whole size, when it was longer than what was kept. */
  size: number;
}

/** What the recorder saw of one exchange. */
export interface Exchange {
  started: number;
  durationMs: number;
  request: Request;
  requestBody: CapturedBody | undefined;
  /** `undefined` when the connection was dropped. */
  response: Response | undefined;
  /** `undefined` for a stream, which is not read. */
  responseBody: CapturedBody | undefined;
  requestId: string | undefined;
  fault: FaultKind | undefined;
}

/** A HAR entry with server-lite's custom fields. */
export interface LiteHarEntry extends Entry {
  /** The request's `x-request-id`. */
  _requestId?: string;
  /** The fault injected into this request, if any. */
  _fault?: FaultKind;
}

const isText = (mimeType: string) =>
  /^text\/|[/+](json|xml)\b|^application\/(x-www-form-urlencoded|javascript)/i.test(mimeType);

function textOf(body: CapturedBody, mimeType: string): { text: string; encoding?: string } {
  if (!isText(mimeType)) return { text: Buffer.from(body.bytes).toString("base64"), encoding: "base64" };
  const text = new TextDecoder().decode(body.bytes);
  // A cut body is not valid JSON any more: kept as it is, secrets or not, only when whole.
  if (body.size > body.bytes.byteLength) return { text: /json|form/i.test(mimeType) ? REDACTED : text };
  return { text: redactBody(text, mimeType) };
}

function postDataOf(body: CapturedBody | undefined, mimeType: string): PostData | undefined {
  if (!body || body.size === 0) return undefined;
  const { text, encoding } = textOf(body, mimeType);
  return encoding ? { mimeType, text, comment: `${encoding}-encoded` } : { mimeType, text };
}

/** The HAR 1.2 entry of an exchange. */
export function harEntry(exchange: Exchange): LiteHarEntry {
  const { request, response } = exchange;
  const url = new URL(request.url);
  const requestType = request.headers.get("content-type") ?? "";
  const responseType = response?.headers.get("content-type") ?? "";
  const content = exchange.responseBody
    ? { size: exchange.responseBody.size, mimeType: responseType, ...textOf(exchange.responseBody, responseType) }
    : { size: 0, mimeType: responseType, ...(response ? { comment: "a stream: not recorded" } : {}) };
  const postData = postDataOf(exchange.requestBody, requestType);
  const entry: LiteHarEntry = {
    startedDateTime: new Date(exchange.started).toISOString(),
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: `${url.origin}${url.pathname}${redactedSearch(url)}`,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: redactPairs(request.headers),
      queryString: redactPairs(url.searchParams),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: exchange.requestBody?.size ?? 0,
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? "",
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: response ? redactPairs(response.headers) : [],
      content,
      redirectURL: response?.headers.get("location") ?? "",
      headersSize: -1,
      bodySize: exchange.responseBody?.size ?? (response ? -1 : 0),
      ...(response ? {} : { _error: "The connection was dropped before an answer (an injected fault)." }),
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
  };
  if (exchange.requestId) entry._requestId = exchange.requestId;
  if (exchange.fault) entry._fault = exchange.fault;
  return entry;
}

function redactedSearch(url: URL): string {
  if (url.search === "") return "";
  const query = new URLSearchParams();
  for (const { name, value } of redactPairs(url.searchParams)) query.append(name, value);
  return `?${query.toString()}`;
}
