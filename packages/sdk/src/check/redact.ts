/**
 * @module
 * Keeps credentials out of every report: the secrets the user gave (and the token a login returned) are replaced
 * wherever they appear, and a value under a key that names a secret is never shown.
 */

/** What replaces a secret in a report. */
export const REDACTED = "[redacted]";

const SECRET_KEY = /token|secret|password|api[-_]?key|authorization|cookie/i;

/** Replaces known secrets in the text a report shows. */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Adds secrets to remove; empty and very short values are ignored (they would blank ordinary words). */
  add(...secrets: (string | undefined)[]): void {
    for (const secret of secrets) if (secret && secret.length >= 6) this.#secrets.add(secret);
  }

  /** The text with every known secret replaced. */
  text(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  /**
   * One example value for a report: JSON, shortened to `max` characters, with secrets replaced; a value under
   * a key that names a secret (`token`, `password`, ...) is replaced whole.
   */
  example(value: unknown, key?: PropertyKey, max = 80): string {
    if (typeof key === "string" && SECRET_KEY.test(key) && value !== undefined && value !== null) return REDACTED;
    let text: string;
    try {
      text = JSON.stringify(value, (name, inner) => (name && SECRET_KEY.test(name) ? REDACTED : inner)) ?? "undefined";
    } catch {
      text = String(value);
    }
    text = this.text(text);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }
}
