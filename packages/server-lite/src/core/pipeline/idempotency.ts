/**
 * @module
 * The idempotency step: a POST or PATCH with an `Idempotency-Key` is answered once; a repeat with the same key
 * and request gets the stored answer (`Idempotent-Replayed: true`), with another request the validation code. A
 * repeat that arrives while the first is still running (a client retrying after a timeout) waits for the first
 * answer and replays it, instead of running the handler twice.
 */
import { Failure } from "../failure.ts";
import { IdempotencyStore, MAX_KEY_LENGTH } from "../idempotency.ts";
import { JSON_HEADERS } from "./respond.ts";
import type { Step } from "./state.ts";

/** Idempotent requests being handled now, by platform, caller and key. */
const inFlight = new WeakMap<object, Map<string, Promise<void>>>();

export const idempotency: Step = async (state, next) => {
  const { c, route } = state;
  const key = c.req.header("idempotency-key");
  const { method } = route.spec;
  if (!key || (method !== "POST" && method !== "PATCH") || route.spec.stream) return next();
  const { codes } = route.platform.envelope;
  if (key.length > MAX_KEY_LENGTH) {
    const message = `The Idempotency-Key may not be longer than ${MAX_KEY_LENGTH} characters.`;
    throw new Failure(codes.validation, message, { "Idempotency-Key": [message] });
  }
  const caller = state.caller!.key;
  const fingerprint = IdempotencyStore.fingerprint(method, c.req.path, state.text);
  let running = inFlight.get(route.idempotency);
  if (!running) {
    running = new Map();
    inFlight.set(route.idempotency, running);
  }
  const slot = `${route.platform.id}\0${caller}\0${key}`;
  for (let first = running.get(slot); first; first = running.get(slot)) await first;
  const stored = route.idempotency.lookup(caller, key, fingerprint);
  if (stored === "mismatch")
    throw new Failure(codes.validation, "This Idempotency-Key was already used with a different request.", {
      "Idempotency-Key": ["The key was already used with a different request."],
    });
  if (stored)
    return new Response(stored.body, {
      status: stored.status,
      headers: { ...JSON_HEADERS, ...state.headers, "x-request-id": state.requestId, "idempotent-replayed": "true" },
    });
  let done = () => {};
  running.set(slot, new Promise<void>((resolve) => (done = resolve)));
  try {
    const response = await next();
    if (response.ok) {
      const body = await response.clone().text();
      route.idempotency.save(caller, key, fingerprint, { status: response.status, body });
    }
    return response;
  } finally {
    running.delete(slot);
    done();
  }
};
