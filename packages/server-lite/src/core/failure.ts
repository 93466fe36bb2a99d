/**
 * @module
 * A documented error, thrown by a handler (through `ctx.fail`) and answered in the platform's envelope.
 */
export class Failure extends Error {
  override name = "Failure";
  readonly code: string;
  /** Field errors (`{ field: [messages] }`) for validation failures. */
  readonly errors: Record<string, string[]> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: string, message?: string, errors?: Record<string, string[]>, headers?: Record<string, string>) {
    super(message ?? code);
    this.code = code;
    this.errors = errors;
    this.headers = headers;
  }
}

/** Field errors from zod issues, worded as a Laravel-style API words them. */
export function fieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string; input?: unknown }>,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "body";
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const message = missing ? `The ${field} field is required.` : issue.message;
    errors[field] = [...(errors[field] ?? []), message];
  }
  return errors;
}
