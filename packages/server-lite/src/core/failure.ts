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
  /**
   * The HTTP status, when it must differ from the code's documented one: a code the document gives one status
   * for a server fault that also covers the caller's own state (a tool called on a stopped server), which is no
   * server fault and must not be retried as one.
   */
  readonly status: number | undefined;

  constructor(
    code: string,
    message?: string,
    errors?: Record<string, string[]>,
    headers?: Record<string, string>,
    status?: number,
  ) {
    super(message ?? code);
    this.code = code;
    this.errors = errors;
    this.headers = headers;
    this.status = status;
  }
}

/** The value at `path` inside `root`, or undefined when any step is missing. */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const step of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/**
 * Field errors from zod issues, worded as a Laravel-style API words them. `input` is the value that was
 * validated: zod does not put the input on its issues, and only an absent field is "required" (a field of
 * the wrong type keeps zod's message, which says what was expected).
 */
export function fieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }>,
  input: unknown,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "body";
    const missing = issue.code === "invalid_type" && valueAt(input, issue.path) === undefined;
    const message = missing ? `The ${field} field is required.` : issue.message;
    errors[field] = [...(errors[field] ?? []), message];
  }
  return errors;
}
