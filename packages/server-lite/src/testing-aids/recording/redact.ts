/**
 * @module
 * Secrets kept out of recordings: credentials in headers, in the query and in JSON or form bodies (request and
 * response: a login answers a token) are replaced by `[redacted]`, wherever a platform puts them.
 */

/** What a redacted value reads as. */
export const REDACTED = "[redacted]";

const SECRET_NAME =
  /authorization|cookie|token|secret|password|passwd|api[-_]?key|apikey|signature|credential|private[-_]?key|code[-_]?verifier|^auth$|^code$|^key$/i;

/** Whether a header, query parameter or field of this name carries a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Name/value pairs with the values of secret names redacted. */
export function redactPairs(pairs: Iterable<[string, string]>): { name: string; value: string }[] {
  return [...pairs].map(([name, value]) => ({ name, value: isSecretName(name) ? REDACTED : value }));
}

/** A JSON value with every string (or string list) under a secret key redacted, at any depth. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    out[key] = isSecretName(key) && (typeof inner === "string" || Array.isArray(inner)) ? REDACTED : redactJson(inner);
  return out;
}

/** A body's text with its secrets redacted, when it is JSON or a form; other text is kept as it is. */
export function redactBody(text: string, mimeType: string): string {
  if (/[/+]json\b/i.test(mimeType)) {
    try {
      return JSON.stringify(redactJson(JSON.parse(text)));
    } catch {
      return text;
    }
  }
  if (mimeType.startsWith("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(text);
    for (const [name] of form) if (isSecretName(name)) form.set(name, REDACTED);
    return form.toString();
  }
  return text;
}
