/**
 * @module
 * Following ids: the items of every list the check reads are kept under the nouns the list goes by (its
 * resource, the last word of its path, its items key), and a path parameter takes its value from the noun its
 * name says (`{machine}`, `{session_id}`, `{agentId}`) or, for `{id}` and `{name}`, the word before it in the path.
 */
import type { EndpointSpec } from "../contract/endpoint.ts";
import type { PathParam } from "../contract/path.ts";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `tasks` → `task`, `policies` → `policy`, `statuses` → `status`, `mcp` → `mcp`; lower case. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(us|ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** The literal path segment before a parameter, if any (`/machines/{machine}` → `machines`). */
function wordBefore(path: string, param: PathParam): string | undefined {
  const segments = path.split("/");
  const at = segments.indexOf(`{${param.name}${param.greedy ? "+" : ""}}`);
  const before = at > 0 ? segments[at - 1] : undefined;
  return before && !before.startsWith("{") ? before.replace(/[^A-Za-z]/g, "") : undefined;
}

/** The nouns and fields a parameter's value may come from, most likely first. */
function sourcesOf(resource: string, spec: EndpointSpec, param: PathParam): { noun: string; field: string }[] {
  const name = param.name;
  const before = wordBefore(spec.path, param);
  const stem = /^(.+?)(_id|Id|ID)$/.exec(name)?.[1];
  const nouns: string[] = [];
  if (stem) nouns.push(singular(stem));
  else if (name !== "id" && name !== "name" && name !== "path") nouns.push(singular(name));
  if (before) nouns.push(singular(before));
  nouns.push(singular(resource));
  // `{name}` and `{path}` are the item's own field; any other parameter stands for the item's `id`.
  const fields = name === "name" || name === "path" ? [name, "id"] : ["id", name];
  return [...new Set(nouns)].flatMap((noun) => fields.map((field) => ({ noun, field })));
}

/** Where a list answer keeps its items: the data itself, its `items` key, or each array of objects in it. */
function listsIn(data: unknown, spec: EndpointSpec): [key: string | undefined, items: unknown[]][] {
  if (Array.isArray(data)) return [[undefined, data]];
  if (!isPlainObject(data)) return [];
  if (spec.items && Array.isArray(data[spec.items])) return [[spec.items, data[spec.items] as unknown[]]];
  return Object.entries(data).filter((e): e is [string, unknown[]] => Array.isArray(e[1]) && isPlainObject(e[1][0]));
}

/** The items the check has read, by noun, and the values path parameters take from them. */
export class DiscoveredIds {
  readonly #items = new Map<string, Record<string, unknown>[]>();

  /** Keeps the items of an answer under the nouns its endpoint goes by. */
  record(resource: string, spec: EndpointSpec, data: unknown): void {
    const segments = spec.path.split("/").filter((s) => s && !s.startsWith("{"));
    const last = segments.at(-1);
    for (const [key, items] of listsIn(data, spec)) {
      const nouns = new Set([singular(resource), ...(last ? [singular(last)] : []), ...(key ? [singular(key)] : [])]);
      for (const noun of nouns) {
        const kept = this.#items.get(noun) ?? [];
        kept.push(...items.filter(isPlainObject));
        this.#items.set(noun, kept);
      }
    }
  }

  /**
   * A value for a path parameter, or `undefined` when nothing read so far supplies one. `override` is a
   * profile's `"<noun>.<field>"`.
   */
  resolve(resource: string, spec: EndpointSpec, param: PathParam, override?: string): string | undefined {
    const sources = override
      ? [{ noun: override.slice(0, override.indexOf(".")), field: override.slice(override.indexOf(".") + 1) }]
      : sourcesOf(resource, spec, param);
    for (const { noun, field } of sources) {
      const value = this.find(noun, field);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** The first value of `field` among the items kept under `noun`, e.g. `find("project", "id")`. */
  find(noun: string, field: string): string | undefined {
    for (const item of this.#items.get(noun) ?? []) {
      const value = item[field];
      if ((typeof value === "string" && value !== "") || typeof value === "number") return String(value);
    }
    return undefined;
  }

  /** The noun a parameter would be looked up under, for a report's "no … to follow". */
  describe(resource: string, spec: EndpointSpec, param: PathParam, override?: string): string {
    if (override) return override;
    const first = sourcesOf(resource, spec, param)[0];
    return first ? `${first.noun}.${first.field}` : param.name;
  }
}
