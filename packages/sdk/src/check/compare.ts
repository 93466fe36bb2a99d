/**
 * @module
 * Compares one answer's data with its response schema and says how it differs: zod's issues made into the
 * check's kinds (a missing key, a wrong type, a value outside the documented enum, a broken constraint), and the
 * keys the schema does not know, found by walking the data beside what the schema kept of it.
 */
import type { RunnableSchema } from "../contract/schema.ts";
import type { Redactor } from "./redact.ts";
import type { Difference, DifferenceKind } from "./types.ts";

/** A zod 4 issue, as much of it as the check reads. */
interface Issue {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  errors?: readonly (readonly Issue[])[];
}

/** How far into a list the unknown-key walk looks: the first items show a server's shape. */
const ITEMS_WALKED = 20;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A body path as a report shows it, array positions folded: `data.tasks[].status`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, root = "data"): string {
  let out = root;
  for (const part of path) out += typeof part === "number" ? "[]" : `.${String(part)}`;
  return out;
}

/** The value at a path, or `undefined` when some step is absent. */
function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** A value's type as a report names it. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A union's issues: those of the branch that came closest (fewest issues), so the report names one shape. */
function flatten(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || !issue.errors?.length) return [issue];
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
    if (closest.length === 0) return [issue];
    return flatten(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

function differenceOf(issue: Issue, data: unknown, redact: Redactor, root: string): Difference {
  const path = formatPath(issue.path, root);
  const value = valueAt(data, issue.path);
  const key = issue.path.at(-1);
  const example = value === undefined ? undefined : redact.example(value, key);
  const make = (kind: DifferenceKind, documented: string, seen: string): Difference => ({
    kind,
    path,
    documented,
    seen,
    example,
    sdk: "throws",
  });
  const parent = valueAt(data, issue.path.slice(0, -1));
  const absent = value === undefined && (issue.code === "invalid_type" || (isPlainObject(parent) && !(key! in parent)));
  if (absent) return make("missing-key", issue.expected ?? "a value", "absent");
  switch (issue.code) {
    case "invalid_type":
      return make("wrong-type", issue.expected ?? "another type", typeName(value));
    case "invalid_value":
      return make(
        "enum",
        `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`,
        redact.example(value, key),
      );
    case "unrecognized_keys":
      return { ...make("unknown-key", "no other keys", (issue.keys ?? []).join(", ")), example: undefined };
    default:
      return make("constraint", issue.message, redact.example(value, key));
  }
}

/** Keys present in the data but not in what the schema kept of it: keys the contract does not document. */
export function unknownKeys(
  raw: unknown,
  kept: unknown,
  redact: Redactor,
  path: PropertyKey[] = [],
  root = "data",
): Difference[] {
  if (Array.isArray(raw) && Array.isArray(kept)) {
    const found = new Map<string, Difference>();
    for (let i = 0; i < Math.min(raw.length, kept.length, ITEMS_WALKED); i++)
      for (const d of unknownKeys(raw[i], kept[i], redact, [...path, i], root))
        if (!found.has(d.path)) found.set(d.path, d);
    return [...found.values()];
  }
  if (!isPlainObject(raw) || !isPlainObject(kept)) return [];
  const out: Difference[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in kept)) {
      out.push({
        kind: "unknown-key",
        path: formatPath([...path, key], root),
        documented: "not documented",
        seen: typeName(value),
        example: redact.example(value, key),
        sdk: "reads",
      });
    } else out.push(...unknownKeys(value, kept[key], redact, [...path, key], root));
  }
  return out;
}

/** The outcome of comparing one answer's data with a schema. */
export type Comparison = { matches: true; differences: Difference[] } | { matches: false; differences: Difference[] };

/**
 * Compares data with a schema. A match may still carry `unknown-key` differences (the SDK ignores those keys);
 * a mismatch carries one difference per issue, the same path reported once.
 */
export function compareWithSchema(schema: RunnableSchema, data: unknown, redact: Redactor, root = "data"): Comparison {
  const outcome = schema.safeParse(data);
  if (outcome.success) return { matches: true, differences: unknownKeys(data, outcome.data, redact, [], root) };
  const seen = new Set<string>();
  const differences: Difference[] = [];
  for (const issue of flatten(outcome.error.issues as readonly Issue[])) {
    const difference = differenceOf(issue, data, redact, root);
    const id = `${difference.kind} ${difference.path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    differences.push(difference);
  }
  return { matches: false, differences };
}
