/**
 * @module
 * Cross-realm error checks: `instanceof` fails across bundles, iframes and duplicated installs, so every
 * Agentlane error carries a registered symbol naming its kinds.
 */
const brand = Symbol.for("agentlane.error.kinds");

export type ErrorKind =
  | "agentlane"
  | "api"
  | "connection"
  | "timeout"
  | "abort"
  | "response-validation"
  | "live"
  | "webhook";

export function markError(error: Error, ...kinds: ErrorKind[]): void {
  const own = (error as { [brand]?: ErrorKind[] })[brand] ?? [];
  Object.defineProperty(error, brand, { value: [...own, ...kinds], enumerable: false, configurable: true });
}

export function hasKind(value: unknown, kind: ErrorKind): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    ((value as { [brand]?: ErrorKind[] })[brand]?.includes(kind) ?? false)
  );
}
