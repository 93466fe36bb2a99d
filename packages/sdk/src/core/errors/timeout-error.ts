import { hasKind, markError } from "./brand.ts";
import { ConnectionError } from "./connection-error.ts";

/** An attempt outlived `timeout`, or the whole call outlived `totalTimeout`. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  constructor(message = "Request timed out", options?: ErrorOptions) {
    super(message, options);
    markError(this, "timeout");
  }
}

/** Whether `value` is a {@link TimeoutError}, also across bundles and realms. */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return hasKind(value, "timeout");
}
