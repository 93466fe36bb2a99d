/**
 * @module
 * The small readers every ClaudeNest shape module shares: a record check, defaults for keys a server left out,
 * and a list read item by item. A value that is not what a shape expects passes through untouched, so response
 * validation (when on) reports it instead of a shaper hiding it.
 */

/** A JSON object (not an array, not null). */
export type Fields = Record<string, unknown>;

/** Whether `value` is a JSON object. */
export function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value`, or `fallback` when the server left it out or sent `null`. */
export function orElse<T>(value: unknown, fallback: T): T {
  return value === undefined || value === null ? fallback : (value as T);
}

/** Reads every object of a list with `read`; anything else passes through. */
export function eachOf(read: (fields: Fields) => Fields): (data: unknown) => unknown {
  return (data) => (Array.isArray(data) ? data.map((item) => (isFields(item) ? read(item) : item)) : data);
}

/** Reads one object with `read`; anything else (`null`, a string) passes through. */
export function one(read: (fields: Fields) => Fields): (data: unknown) => unknown {
  return (data) => (isFields(data) ? read(data) : data);
}

/** A number the server may send as a decimal string (Laravel's `decimal:4` cast answers `"0.1250"`). */
export function numeric(value: unknown, fallback: number): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}
