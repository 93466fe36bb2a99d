/**
 * @module
 * One attempt at a request: the response with its whole body, within the per-attempt timeout. Reading the
 * body is part of the attempt, so a connection dropped mid-body fails the attempt (and can be retried)
 * instead of failing later, outside the retry loop.
 */

export type FetchFunction = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/** A response whose body has been read. */
export interface Received {
  response: Response;
  text: string;
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
): Promise<Received> {
  const response = await fetch(input, init);
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
): Promise<Received> {
  if (timeout === false && !signal) return receive(fetch, input, init);
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
    receive(fetch, input, init ?? { signal: controller.signal }).then(
      (received) => {
        settle();
        resolve(received);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

/** A response that carries an already-read body, for code (ky) that reads it again. */
export function replay({ response, text }: Received): Response {
  return new Response(text === "" ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
