/**
 * @module
 * How deeply a parsed JSON value nests. `JSON.parse` reads any depth, but `JSON.stringify` (and any other
 * recursive walk) overflows the stack a few thousand levels down, so a request nested that deep would fail
 * only once its value was stored or echoed. Requests are held to the depth Laravel's `json_decode` allows.
 */

/** Levels of objects and arrays a request body may nest, as PHP's `json_decode` (and so Laravel) allows. */
export const MAX_JSON_DEPTH = 512;

/**
 * The top-level field (or `body`, when the value itself is too deep or is an array) under which `value`
 * nests deeper than `limit` levels of objects and arrays; undefined when it does not. Walks without
 * recursion, so that the check itself cannot overflow the stack.
 */
export function tooDeeplyNested(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  const pending: { value: unknown; depth: number; field: string }[] = [{ value, depth: 0, field: "body" }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return next.field;
    const topLevel = next.depth === 0 && !Array.isArray(next.value);
    for (const [key, child] of Object.entries(next.value)) {
      pending.push({ value: child, depth, field: topLevel ? key : next.field });
    }
  }
  return undefined;
}
