/**
 * @module
 * Path templates: `{name}` parameters, `{name+}` for a parameter that may span slashes.
 */

const paramPattern = /\{(\w+)(\+?)\}/g;

/** A `{name}` (or greedy `{name+}`) parameter of a path template. */
export interface PathParam {
  name: string;
  /** May contain slashes. */
  greedy: boolean;
}

/**
 * The parameters of a path template, in order: `/machines/{machine}/skills/{path+}` gives `machine` and greedy
 * `path`.
 */
export function pathParams(template: string): PathParam[] {
  return [...template.matchAll(paramPattern)].map((m) => ({ name: m[1]!, greedy: m[2] === "+" }));
}

/** Percent-encodes one path parameter. `.` and `..` are refused: every URL parser resolves them as segments. */
export function encodePathParam(name: string, value: unknown): string {
  if (value === undefined || value === null || value === "") {
    throw new TypeError(`Path parameter \`${name}\` is required`);
  }
  const text = String(value);
  if (text === "." || text === "..") {
    throw new TypeError(`Path parameter \`${name}\` cannot be "${text}"`);
  }
  return encodeURIComponent(text);
}

/** Fills a template; every parameter is percent-encoded, so `a/b` or `../x` never changes the route. */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(paramPattern, (_, name: string) => encodePathParam(name, values[name]));
}

/** The Hono route pattern of a template: `{id}` becomes `:id`, `{path+}` a parameter matching slashes. */
export function toRouterPath(template: string): string {
  return template.replace(paramPattern, (_, name: string, plus: string) => (plus ? `:${name}{.+}` : `:${name}`));
}
