import { AgentlaneError } from "./agentlane-error.ts";
import { hasKind, markError } from "./brand.ts";

/** Where a response departed from its schema, and how. */
export interface ValidationIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** A response did not match the contract's schema (only raised when response validation is on). */
export class ResponseValidationError extends AgentlaneError {
  override name = "ResponseValidationError";
  readonly endpoint: string;
  readonly issues: readonly ValidationIssue[];
  readonly data: unknown;

  constructor(endpoint: string, issues: readonly ValidationIssue[], data: unknown) {
    const first = issues[0];
    super(
      `Response of ${endpoint} does not match its contract: ${first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "invalid"}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ""}`,
    );
    markError(this, "response-validation");
    this.endpoint = endpoint;
    this.issues = issues;
    this.data = data;
  }
}

/** Whether `value` is a {@link ResponseValidationError}, also across bundles and realms. */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return hasKind(value, "response-validation");
}
