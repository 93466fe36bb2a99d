/**
 * @module
 * The last step: runs the endpoint's handler and answers in the platform's envelope: the result, a page of a list
 * (its items in `data`, or under the endpoint's list key, with the platform's pagination), or an event stream. A
 * handler may also answer a `Response` of its own for a body that is not the envelope (a shell script, markdown).
 */
import type { Page, StreamEvent } from "@agentlane/sdk/contract";
import { sseResponse } from "../../realtime/sse/stream.ts";
import { Failure } from "../failure.ts";
import { respond } from "./respond.ts";
import type { RequestState, Step } from "./state.ts";

/**
 * What a handler is given beside its input. A class, not an object literal: a literal with a getter (`baseUrl`)
 * is built with fresh accessor closures on every request, which V8 keeps reachable from long-lived objects, so
 * every request's garbage would survive young-generation collections and cost a full one.
 */
class HandlerContext {
  readonly services: unknown;
  readonly requestId: string;
  readonly credentials: RequestState["credentials"];
  readonly signal: AbortSignal;
  readonly #state: RequestState;

  constructor(state: RequestState, signal: AbortSignal) {
    this.services = state.route.services;
    this.requestId = state.requestId;
    this.credentials = state.credentials;
    this.signal = signal;
    this.#state = state;
  }

  /** Parsed only by the handlers that build links. */
  get baseUrl(): string {
    return new URL(this.#state.c.req.url).origin + this.#state.route.base;
  }

  fail(code: string, message?: string, errors?: Record<string, string[]>): never {
    throw new Failure(code, message, errors);
  }
}

/**
 * The signal a stream's handler and response end on: the client going away, or the credentials that opened the
 * stream being revoked.
 */
function streamEnd(state: RequestState): AbortSignal {
  const { route } = state;
  const ended = new AbortController();
  const stopListening = route.revocations.listen((revocation) => {
    if (revocation.platformId === route.platform.id && revocation.covers(state.caller)) ended.abort(revocation.reason);
  });
  const clientGone = state.c.req.raw.signal;
  if (clientGone.aborted) ended.abort();
  else clientGone.addEventListener("abort", () => ended.abort(), { once: true });
  ended.signal.addEventListener("abort", stopListening, { once: true });
  return ended.signal;
}

export const handle: Step = async (state) => {
  const { route, requestId } = state;
  const { spec, platform, clock } = route;
  const { envelope } = platform;
  const signal = spec.stream ? streamEnd(state) : state.c.req.raw.signal;
  const result = await route.handler(
    { params: state.params, query: state.query, body: state.body, caller: state.caller },
    new HandlerContext(state, signal),
  );
  // An answer that is not the envelope (a script, a document): sent as the handler made it, with the request id.
  if (result instanceof Response) {
    for (const [name, value] of Object.entries({ "x-request-id": requestId, ...state.headers }))
      if (!result.headers.has(name)) result.headers.set(name, value);
    return result;
  }
  const meta = { requestId, timestamp: clock.iso() };
  if (spec.stream) {
    return sseResponse(result as AsyncIterable<StreamEvent>, {
      signal,
      headers: { "x-request-id": requestId, ...state.headers },
      onError: (error) => {
        if (!(error instanceof Failure)) route.onError?.(error);
        const failure = error instanceof Failure ? error : new Failure(envelope.codes.internal);
        const message = failure.message === failure.code ? envelope.messageOf(failure.code) : failure.message;
        return envelope.failure(failure.code, message, failure.errors, { requestId, timestamp: clock.iso() });
      },
    });
  }
  const payload = spec.paginated
    ? envelope.success((result as Page<unknown>).items, {
        ...meta,
        page: result as Page<unknown>,
        ...(spec.items ? { itemsKey: spec.items } : {}),
        query: state.query as Record<string, unknown>,
        path: state.c.req.path,
      })
    : envelope.success(result ?? null, meta);
  return respond(spec.status ?? 200, payload, requestId, state.headers);
};
