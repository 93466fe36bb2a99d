/**
 * @module
 * Judges one answer to a documented read: its status, its error (in the platform's envelope and error table),
 * its success envelope, its data against the response schema or a known variant, and its pagination. What the
 * SDK would do with the answer follows from the differences found.
 */
import type { EndpointSpec } from "../contract/endpoint.ts";
import type { RunnableSchema } from "../contract/schema.ts";
import type { DecodedError } from "../core/envelope.ts";
import { compareWithSchema } from "./compare.ts";
import type { CheckProfile } from "./profile.ts";
import type { Redactor } from "./redact.ts";
import type { ProbeAnswer } from "./transport.ts";
import type { Difference, EndpointOutcome, SdkBehaviour } from "./types.ts";

/** An answer read through the platform's envelope: its data, or the error it stands for. */
export type ReadAnswer =
  | { ok: true; data: unknown; paginated: boolean }
  | { ok: false; status: number; error: DecodedError };

/** Reads an answer with the platform's codec; an error inside a success takes the status it stands for. */
export function readAnswer(profile: CheckProfile, answer: ProbeAnswer): ReadAnswer {
  const { status, headers, body } = answer;
  if (status >= 200 && status < 300) {
    const decoded = profile.envelope.decode(body, status, headers);
    if (decoded.ok) return { ok: true, data: decoded.data, paginated: decoded.meta.pagination !== undefined };
    return { ok: false, status: decoded.error.status ?? status, error: decoded.error };
  }
  const error = profile.envelope.decodeError(body, status, headers);
  return { ok: false, status: error.status ?? status, error };
}

const rank: Record<SdkBehaviour, number> = { reads: 0, "reads-variant": 1, throws: 2 };

/** The worst SDK behaviour among differences. */
export function worstBehaviour(differences: readonly Difference[]): SdkBehaviour {
  return differences.reduce<SdkBehaviour>((worst, d) => (rank[d.sdk] > rank[worst] ? d.sdk : worst), "reads");
}

/** An outcome from its differences: `ok`, `variant` or `differs`. */
export function outcomeOf(base: Omit<EndpointOutcome, "status" | "sdk">): EndpointOutcome {
  const { differences } = base;
  const status =
    differences.length === 0 ? "ok" : differences.every((d) => d.kind === "variant") ? "variant" : "differs";
  return { ...base, status, sdk: worstBehaviour(differences) };
}

/**
 * Whether an error answer is in the platform's terms: a code of its error table with that code's status. Returns
 * the difference when it is not, `undefined` when it is (or the platform has no table).
 */
export function errorTableDifference(
  profile: CheckProfile,
  status: number,
  error: DecodedError,
  redact: Redactor,
): Difference | undefined {
  const table = profile.errorCodes;
  if (!table) return undefined;
  const documented = error.code === undefined ? undefined : table[error.code];
  if (documented && documented.status === status) return undefined;
  return {
    kind: "error",
    path: "(error)",
    documented: documented ? `${error.code} with HTTP ${documented.status}` : "a code of the error table",
    seen: `${error.code ?? "no code"} with HTTP ${status}`,
    example: redact.example(error.message),
    sdk: "reads",
  };
}

/** The differences of an error answer to a read that should have succeeded. */
function errorDifferences(
  profile: CheckProfile,
  spec: EndpointSpec,
  read: Extract<ReadAnswer, { ok: false }>,
  redact: Redactor,
): Difference[] {
  const expected = String(spec.status ?? 200);
  const seen = `${read.status}${read.error.code ? ` ${read.error.code}` : ""}`;
  const example = redact.example(read.error.message);
  if (read.status >= 500)
    return [{ kind: "server-error", path: "(status)", documented: expected, seen, example, sdk: "throws" }];
  const differences: Difference[] = [
    { kind: "status", path: "(status)", documented: expected, seen, example, sdk: "throws" },
  ];
  const table = errorTableDifference(profile, read.status, read.error, redact);
  if (table) differences.push(table);
  return differences;
}

/** The differences of a success answer: status, envelope, data (or a known variant) and pagination. */
function successDifferences(
  profile: CheckProfile,
  name: string,
  spec: EndpointSpec,
  answer: ProbeAnswer,
  read: Extract<ReadAnswer, { ok: true }>,
  redact: Redactor,
): Difference[] {
  const differences: Difference[] = [];
  const expected = spec.status ?? 200;
  if (answer.status !== expected)
    differences.push({
      kind: "status",
      path: "(status)",
      documented: String(expected),
      seen: String(answer.status),
      sdk: "reads",
    });
  const data = compareWithSchema(spec.response as RunnableSchema, read.data, redact);
  let dataDifferences = data.differences;
  // Differences of any kind (a missing key, or keys the contract does not document) may all be one known shape.
  if (dataDifferences.length > 0) {
    const variant = (profile.variants ?? []).find((v) => v.endpoint === name && v.schema.safeParse(read.data).success);
    if (variant)
      dataDifferences = [
        {
          kind: "variant",
          path: "data",
          documented: "the contract's shape",
          seen: variant.name,
          example: variant.note,
          sdk: "reads-variant",
        },
      ];
  }
  // An answer without a body (204 No Content) has no envelope to check.
  if (profile.successEnvelope && answer.text !== "") {
    const envelope = compareWithSchema(profile.successEnvelope, answer.body, redact, "body");
    if (!envelope.matches) {
      const sdk: SdkBehaviour = worstBehaviour(dataDifferences) === "throws" ? "throws" : "reads";
      differences.push(...envelope.differences.map((d) => ({ ...d, kind: "envelope" as const, sdk })));
    }
  }
  differences.push(...dataDifferences);
  if (spec.paginated && !read.paginated)
    differences.push({
      kind: "pagination",
      path: "(pagination)",
      documented: "the platform's pagination",
      seen: "none: the SDK reads the first page only",
      sdk: "reads",
    });
  return differences;
}

/** Judges one answer to a read of `name` (`resource.method`). */
export function judgeAnswer(
  profile: CheckProfile,
  name: string,
  spec: EndpointSpec,
  answer: ProbeAnswer,
  redact: Redactor,
): { outcome: EndpointOutcome; read: ReadAnswer } {
  const read = readAnswer(profile, answer);
  const base = { endpoint: name, method: spec.method, path: spec.path, httpStatus: answer.status };
  if (!read.ok && read.error.code !== undefined && spec.errors?.includes(read.error.code)) {
    const reason = `${read.error.code}: ${redact.text(read.error.message)}`;
    return { outcome: { ...base, status: "documented-error", reason, sdk: "throws", differences: [] }, read };
  }
  const differences = read.ok
    ? successDifferences(profile, name, spec, answer, read, redact)
    : errorDifferences(profile, spec, read, redact);
  return { outcome: outcomeOf({ ...base, differences }), read };
}
