/**
 * @module
 * Errors of live connections: a server refusing the connection (close codes 4000–4099), a channel
 * subscription refused, a `pusher:error` frame, a watcher buffer that overflowed.
 */
import { AgentlaneError } from "../core/errors/agentlane-error.ts";
import { hasKind, markError } from "../core/errors/brand.ts";

/** Base of the errors of live connections and watchers. */
export class LiveError extends AgentlaneError {
  override name = "LiveError";
  /** The protocol code (a close code or a `pusher:error` code), when the server sent one. */
  readonly code: number | undefined;
  constructor(message: string, options?: ErrorOptions & { code?: number }) {
    super(message, options);
    this.code = options?.code;
    markError(this, "live");
  }
}

/** The server closed the connection with a code that means "do not reconnect" (4000–4099). */
export class LiveRefusedError extends LiveError {
  override name = "LiveRefusedError";
  readonly reason: string;
  constructor(code: number, reason: string) {
    super(`The server refused the connection (${code}${reason ? `: ${reason}` : ""}); not reconnecting.`, { code });
    this.reason = reason;
  }
}

/** A channel subscription was refused (by the auth endpoint or the server), or could not be authorized. */
export class LiveSubscriptionError extends LiveError {
  override name = "LiveSubscriptionError";
  readonly channel: string;
  /** The HTTP-like status the refusal carried (401, 403, ...), when there was one. */
  readonly status: number | undefined;
  constructor(channel: string, message: string, options?: ErrorOptions & { status?: number | undefined }) {
    super(`Subscription to ${channel} failed: ${message}`, options);
    this.channel = channel;
    this.status = options?.status;
  }
}

/** A watcher's consumer fell behind: the oldest buffered events were dropped. */
export class LiveOverflowError extends LiveError {
  override name = "LiveOverflowError";
  readonly bufferSize: number;
  constructor(bufferSize: number) {
    super(`The watcher buffer is full (${bufferSize} events): the oldest events are being dropped.`);
    this.bufferSize = bufferSize;
  }
}

/** Whether `value` is a {@link LiveError}, also across bundles and realms. */
export function isLiveError(value: unknown): value is LiveError {
  return hasKind(value, "live");
}
