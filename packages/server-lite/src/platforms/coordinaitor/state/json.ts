/**
 * @module
 * JSON columns: lists and objects are stored as JSON text and read back with a fallback, so that a row written
 * by an older server never fails a read.
 */

/** Parses a JSON column, or answers `fallback` when it is empty or unreadable. */
export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== "string" || text === "") return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The ISO time of epoch milliseconds, or null. */
export function isoOf(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
