import { AgentlaneError } from "./agentlane-error.ts";
import { hasKind, markError } from "./brand.ts";

/** The request never got an HTTP answer: refused, reset, DNS failure, or the socket closed mid-response. */
export class ConnectionError extends AgentlaneError {
  override name = "ConnectionError";
  constructor(message = "Connection error", options?: ErrorOptions) {
    super(message, options);
    markError(this, "connection");
  }
}

/** Whether `value` is a {@link ConnectionError} (a {@link TimeoutError} too), also across bundles and realms. */
export function isConnectionError(value: unknown): value is ConnectionError {
  return hasKind(value, "connection");
}
