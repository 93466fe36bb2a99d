/**
 * @module
 * An error as the user reads it: the platform's message and code (`Task is already claimed (TSK_002)`), with
 * the field errors of a validation failure, and whether trying again can help (the network, a timeout, a rate
 * limit, a server error), never for a refusal that would only repeat itself.
 */
import { isAPIError, isConnectionError } from "@agentlane/sdk";

export function describeError(error: unknown): string {
  if (isAPIError(error)) {
    // The SDK's message leads with the status and code (`409 TSK_002: ...`); show the platform's words first.
    const message = error.message.replace(/^\d{3}(?: \S+)?: /, "");
    const fields = Object.entries(error.fieldErrors ?? {}).map(([field, errors]) => `${field}: ${errors.join(" ")}`);
    const text = fields.length > 0 ? `${message} ${fields.join("; ")}` : message;
    return error.code ? `${text} (${error.code})` : `${text} (HTTP ${error.status})`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isRetryable(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  return isAPIError(error) && (error.status === 408 || error.status === 429 || error.status >= 500);
}
