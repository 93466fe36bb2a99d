/**
 * @module
 * Answers in a platform's envelope: successes, failures (with the platform's status for the code), and the
 * request id every answer carries.
 */
import type { Context } from "hono";
import type { Clock } from "../clock.ts";
import { Failure } from "../failure.ts";
import type { ServerEnvelope } from "../platform.ts";

export const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/** The caller's request id when it sent a usable one, else a new one. */
export function requestIdOf(c: Context): string {
  return requestIdFrom(c.req.header("x-request-id"));
}

/** `given` when it is a usable request id (at most 200 characters), else a new one. */
export function requestIdFrom(given: string | undefined): string {
  return given && given.length <= 200 ? given : `req_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** A JSON answer (no body for 204). */
export function respond(status: number, body: unknown, requestId: string, headers?: Record<string, string>): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { ...JSON_HEADERS, "x-request-id": requestId, ...headers },
  });
}

/** Answers failures in one platform's envelope. */
export class FailureResponder {
  readonly #envelope: ServerEnvelope;
  readonly #clock: Clock;

  constructor(envelope: ServerEnvelope, clock: Clock) {
    this.#envelope = envelope;
    this.#clock = clock;
  }

  meta(requestId: string): { requestId: string; timestamp: string } {
    return { requestId, timestamp: this.#clock.iso() };
  }

  respond(failure: Failure, requestId: string, headers?: Record<string, string>): Response {
    const envelope = this.#envelope;
    const message = failure.message === failure.code ? envelope.messageOf(failure.code) : failure.message;
    return respond(
      failure.status ?? envelope.statusOf(failure.code),
      envelope.failure(failure.code, message, failure.errors, this.meta(requestId)),
      requestId,
      { ...headers, ...failure.headers },
    );
  }

  /** A code the core detected, e.g. the platform's not-found code for an unknown route. */
  code(c: Context, code: string, headers?: Record<string, string>): Response {
    return this.respond(new Failure(code), requestIdOf(c), headers);
  }
}
