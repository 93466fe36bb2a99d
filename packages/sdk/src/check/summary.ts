/**
 * @module
 * Counts a report's outcomes, and its differences by kind, for the report's head line and for CI.
 */
import type { CheckSummary, EndpointOutcome } from "./types.ts";

/** The counts of a list of outcomes. */
export function summarize(outcomes: readonly EndpointOutcome[]): CheckSummary {
  const summary: CheckSummary = { ok: 0, variant: 0, differs: 0, documentedError: 0, skipped: 0, byKind: {} };
  for (const outcome of outcomes) {
    if (outcome.status === "documented-error") summary.documentedError++;
    else summary[outcome.status]++;
    for (const { kind } of outcome.differences) summary.byKind[kind] = (summary.byKind[kind] ?? 0) + 1;
  }
  return summary;
}
