/**
 * @module
 * The report as a person reads it: a head line with the counts, then each endpoint that is not simply ok with its
 * differences grouped by kind (path, documented against seen, one example) and what the SDK does with the answer.
 */
import type { CheckReport, Difference, DifferenceKind, EndpointOutcome, SdkBehaviour } from "./types.ts";

const behaviour: Record<SdkBehaviour, string> = {
  reads: "the SDK reads it fine",
  "reads-variant": "the SDK reads the real shape",
  throws: "the SDK would throw",
};

const kindTitle: Record<DifferenceKind, string> = {
  "missing-key": "missing keys",
  "unknown-key": "keys the contract does not document",
  "wrong-type": "wrong types",
  enum: "values outside the documented enum",
  constraint: "values outside documented limits",
  envelope: "envelope",
  pagination: "pagination",
  status: "HTTP status",
  error: "error code",
  "server-error": "server error",
  headers: "rate-limit headers",
  realtime: "realtime handshake",
  variant: "known real-server variant",
};

const mark: Record<EndpointOutcome["status"], string> = {
  ok: "ok  ",
  variant: "var ",
  differs: "DIFF",
  "documented-error": "err ",
  skipped: "skip",
};

function differenceLine(d: Difference): string {
  const example = d.example === undefined ? "" : `, e.g. ${d.example}`;
  return `      ${d.path}: documented ${d.documented}, seen ${d.seen}${example}`;
}

function outcomeLines(outcome: EndpointOutcome): string[] {
  const head = `${mark[outcome.status]} ${outcome.method} ${outcome.path}  ${outcome.endpoint}`;
  if (outcome.status === "skipped" || outcome.status === "documented-error")
    return [`${head}: ${outcome.reason ?? ""}`];
  if (outcome.differences.length === 0) return [head];
  const lines = [`${head}: ${behaviour[outcome.sdk]}`];
  const byKind = new Map<DifferenceKind, Difference[]>();
  for (const d of outcome.differences) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  for (const [kind, differences] of byKind) {
    lines.push(`    ${kindTitle[kind]} (${behaviour[differences[0]!.sdk]}):`);
    for (const d of differences) lines.push(differenceLine(d));
  }
  return lines;
}

/**
 * The report as text. Endpoints that answered as documented take one line each, unless `verbose` is false, in
 * which case they are only counted.
 * @example console.log(renderReport(await checkServer(options)));
 */
export function renderReport(report: CheckReport, options: { verbose?: boolean } = {}): string {
  const { summary } = report;
  const lines = [
    `agentlane check: ${report.platform} at ${report.baseUrl} (${report.mode})`,
    `${summary.ok} ok, ${summary.variant} known variants, ${summary.differs} with differences, ` +
      `${summary.documentedError} documented errors, ${summary.skipped} skipped`,
  ];
  const kinds = Object.entries(summary.byKind) as [DifferenceKind, number][];
  if (kinds.length > 0) lines.push(`differences by kind: ${kinds.map(([k, n]) => `${kindTitle[k]} ${n}`).join(", ")}`);
  lines.push("");
  for (const outcome of report.outcomes)
    if (options.verbose !== false || outcome.status !== "ok") lines.push(...outcomeLines(outcome));
  if (report.notes.length > 0) lines.push("", ...report.notes.map((n) => `note: ${n}`));
  if (report.stopped) lines.push("", `stopped: ${report.stopped}`);
  lines.push(
    "",
    report.breaking
      ? "Result: something here would break the SDK (exit code 1)."
      : "Result: the SDK reads everything this server answered.",
  );
  return `${lines.join("\n")}\n`;
}
