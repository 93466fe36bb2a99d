/**
 * @module
 * How the HTTP client reads what came back, through the platform's envelope codec: a body parsed once, an error
 * the codec finds inside an HTTP success turned into the status it stands for (so ky types and retries it like
 * any other), and every failure (an error answer, a timeout, a dropped connection) made into the SDK's typed
 * errors. The client sends; this module only reads.
 */
import { AttemptInterrupted, type Received, replay } from "./attempt.ts";
import type { Decoded, DecodedError, EnvelopeCodec } from "./envelope.ts";
import { AbortError } from "./errors/abort-error.ts";
import { type APIError, createAPIError } from "./errors/api-error.ts";
import { ConnectionError } from "./errors/connection-error.ts";
import { explainedMessage, type SentRequest } from "./errors/explain.ts";
import { TimeoutError } from "./errors/timeout-error.ts";

/** A body as JSON when it is JSON, else as text; an empty body is `null`. */
export function parseBody(text: string | undefined): unknown {
  if (text === "" || text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * How the first attempt, sent outside ky, ended; `status` is the error status of a success whose body reported
 * an error.
 */
export type FirstAttempt = { received: Received; status?: number | undefined } | { error: unknown };

/** A body already parsed and decoded by the envelope codec. */
export interface Read {
  parsed: unknown;
  decoded: Decoded;
}

/** Marks an error inside a success that is final as it stands: no status to type it by, nothing to retry. */
export const FINAL = Symbol("final");

/** Responses made to carry an error the codec found inside a success, so they are read with `decode` again. */
const fromSuccess = new WeakSet<Response>();

/** An `APIError` from this realm or another (`instanceof` fails across bundles). */
export function isAPIErrorLike(error: unknown): error is APIError {
  return typeof error === "object" && error !== null && typeof (error as APIError).status === "number";
}

/** An HTTP status a `Response` can carry, for an error the codec found inside a success. */
function replayStatus(error: DecodedError): number {
  const status = error.status;
  if (status !== undefined && Number.isInteger(status) && status >= 400 && status <= 599) return status;
  return error.retryable ? 503 : 400;
}

/** The innermost cause's message: `connect ECONNREFUSED 127.0.0.1:1234` rather than `fetch failed`. */
function rootMessage(error: Error): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++)
    current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Reads answers and failures through one platform's envelope codec. */
export class AnswerReader {
  readonly #envelope: EnvelopeCodec;

  constructor(envelope: EnvelopeCodec) {
    this.#envelope = envelope;
  }

  /**
   * The status an error reported inside a success stands for, `FINAL` when it names none, or `undefined` when the
   * answer is a success. The parsed and decoded body is kept on `received`, so a success is parsed once.
   */
  failedInside(received: Received & Partial<Read>): number | typeof FINAL | undefined {
    const { response, text } = received;
    if (text === undefined) return undefined;
    received.parsed = parseBody(text);
    received.decoded = this.#envelope.decode(received.parsed, response.status, response.headers);
    if (received.decoded.ok) return undefined;
    const { error } = received.decoded;
    return error.status === undefined && error.retryable === undefined ? FINAL : replayStatus(error);
  }

  /** A replayed response; one standing for an error inside a success is marked so its body is decoded again. */
  replay(received: Received, status: number | undefined): Response {
    const response = replay(received, status);
    if (status !== undefined && status !== received.response.status) fromSuccess.add(response);
    return response;
  }

  /** The error of an HTTP error answer, or of a success whose body reported one. */
  decodeFailure(response: Response, body: unknown, httpStatus: number | undefined): DecodedError {
    if (fromSuccess.has(response)) {
      const decoded = this.#envelope.decode(body, httpStatus ?? 200, response.headers);
      if (!decoded.ok) return decoded.error;
    }
    return this.#envelope.decodeError(body, response.status, response.headers);
  }

  /** The typed error of an answer; `sent`, when known, lets its message say what the answer means for that call. */
  apiError(
    status: number,
    response: Response,
    error: DecodedError,
    body: unknown,
    httpStatus?: number,
    sent?: SentRequest,
  ): APIError {
    const { headers } = response;
    return createAPIError({
      status,
      httpStatus: httpStatus ?? response.status,
      code: error.code,
      message: explainedMessage({ status, code: error.code, message: error.message, details: error.details }, sent),
      details: error.details,
      requestId: error.requestId ?? headers.get("x-request-id") ?? undefined,
      headers,
      body,
    });
  }

  /** The error of a first attempt that will not be retried, without going through ky. */
  firstFailure(first: FirstAttempt, signal: AbortSignal | undefined, sent?: SentRequest): Error {
    if ("error" in first) {
      if (first.error instanceof AttemptInterrupted && first.error.reason === "timeout")
        return new TimeoutError(undefined, { cause: first.error });
      return this.translate(first.error, signal);
    }
    const { received } = first;
    const response = this.replay(received, first.status);
    const body = parseBody(received.text);
    const decoded = this.decodeFailure(response, body, received.response.status);
    return this.apiError(decoded.status ?? response.status, response, decoded, body, received.response.status, sent);
  }

  /**
   * A failure that is not an answer (a network error, an abort) as the SDK's typed error; `network` when the
   * caller already knows it is one. ky's own errors are told apart where ky runs (`retry-loop.ts`), so that this
   * module does not load ky.
   */
  translate(error: unknown, signal: AbortSignal | undefined, network = false): Error {
    if (signal?.aborted) return new AbortError(undefined, { cause: signal.reason });
    if (network || error instanceof TypeError || (error as Error | undefined)?.name === "TypeError")
      return new ConnectionError(`Connection error: ${rootMessage(error as Error)}`, { cause: error });
    return error instanceof Error ? error : new ConnectionError(String(error));
  }
}
