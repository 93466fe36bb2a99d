import { hasKind, markError } from "./brand.ts";

/** Base of every error the SDK throws. */
export class AgentlaneError extends Error {
  override name = "AgentlaneError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    markError(this, "agentlane");
  }
}

/** Whether `value` is an {@link AgentlaneError}, also across bundles and realms. */
export function isAgentlaneError(value: unknown): value is AgentlaneError {
  return hasKind(value, "agentlane");
}
