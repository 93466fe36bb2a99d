/**
 * @module
 * One attempt at a request: the response with its whole body, within the per-attempt timeout. Reading the
 * body is part of the attempt, so a connection dropped mid-body fails the attempt (and can be retried)
 * instead of failing later, outside the retry loop.
 *
 * A streaming call is the one exception: a successful `text/event-stream` answer is handed over unread, and
 * the timeout covers only the wait for its headers. Any other answer to it (an error, or a JSON envelope
 * that reports one with HTTP 200) is read whole, like every other call's.
 */

export type FetchFunction = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/** A response whose body has been read, or (`text` undefined) a successful event stream left unread. */
export interface Received {
  response: Response;
  text: string | undefined;
}

/** Whether an answer is an event stream to hand over unread. */
export function isEventStream(response: Response): boolean {
  return response.ok && (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
}

/** Why an attempt ended without a response: its timeout, or the caller's signal. */
export class AttemptInterrupted extends Error {
  readonly reason: "timeout" | "abort";
  constructor(reason: "timeout" | "abort") {
    super(reason === "timeout" ? "The attempt timed out" : "The attempt was aborted");
    this.reason = reason;
  }
}

async function receive(
  fetch: FetchFunction,
  input: Request | string,
  init: RequestInit | undefined,
  streaming: boolean,
): Promise<Received> {
  const response = await fetch(input, init);
  if (streaming && isEventStream(response)) return { response, text: undefined };
  return { response, text: await response.text() };
}

/**
 * Sends one request. Without a timeout or a signal this is only `fetch` and `text()`: no controller, no timer.
 * The timer races the fetch rather than relying on it, since a custom `fetch` (an in-process server) may
 * ignore the abort signal.
 */
export function attempt(
  fetch: FetchFunction,
  input: Request | string,
  init: RequestInit | undefined,
  timeout: number | false,
  signal: AbortSignal | undefined,
  streaming = false,
): Promise<Received> {
  if (timeout === false && !signal) return receive(fetch, input, init, streaming);
  if (signal?.aborted) return Promise.reject(new AttemptInterrupted("abort"));
  return new Promise<Received>((resolve, reject) => {
    const controller = new AbortController();
    const stop = (reason: "timeout" | "abort") => {
      controller.abort(new AttemptInterrupted(reason));
      reject(new AttemptInterrupted(reason));
    };
    const timer = timeout === false ? undefined : setTimeout(stop, timeout, "timeout");
    const onAbort = () => {
      clearTimeout(timer);
      stop("abort");
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    // `init` belongs to the caller of this module (the HTTP client builds one per call): no copy needed.
    if (init) init.signal = controller.signal;
    receive(fetch, input, init ?? { signal: controller.signal }, streaming).then(
      (received) => {
        // An unread stream stays tied to the caller's signal, so aborting it later ends the body.
        if (received.text === undefined) clearTimeout(timer);
        else settle();
        resolve(received);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

/**
 * A response that carries an already-read body, for code (ky) that reads it again; `status` replaces the HTTP
 * status when the body reported an error inside a success. An unread stream is passed on as it is.
 */
export function replay({ response, text }: Received, status = response.status): Response {
  if (text === undefined) return response;
  return new Response(text === "" || status === 204 ? null : text, {
    status,
    statusText: status === response.status ? response.statusText : "",
    headers: response.headers,
  });
}
