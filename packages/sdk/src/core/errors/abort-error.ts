import { AgentlaneError } from "./agentlane-error.ts";
import { hasKind, markError } from "./brand.ts";

/** The caller's AbortSignal fired. */
export class AbortError extends AgentlaneError {
  override name = "AbortError";
  constructor(message = "Request was aborted", options?: ErrorOptions) {
    super(message, options);
    markError(this, "abort");
  }
}

/** Whether `value` is an {@link AbortError}, also across bundles and realms. */
export function isAbortError(value: unknown): value is AbortError {
  return hasKind(value, "abort");
}
