/**
 * @module
 * The one table every benchmark line ends up in: what was measured, both sides, their ratio and the target.
 */

export interface Row {
  line: number;
  /** What is measured. */
  measure: string;
  subject: string;
  baseline: string;
  /** subject ÷ baseline, in the unit of the measure. */
  ratio: number;
  /** How the ratio compares with the goal, e.g. `≤ 1.10×`. */
  target: string;
  met: boolean;
}

export const ms = (value: number) => (value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(1)} ms`);
export const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;

export function atMost(ratio: number, limit: number): Pick<Row, "ratio" | "target" | "met"> {
  return { ratio, target: `≤ ${limit.toFixed(2)}×`, met: ratio <= limit };
}

export function atLeast(ratio: number, limit: number): Pick<Row, "ratio" | "target" | "met"> {
  return { ratio, target: `≥ ${limit.toFixed(2)}×`, met: ratio >= limit };
}

export function renderTable(rows: readonly Row[]): string {
  const header = ["#", "measure", "subject", "baseline", "ratio", "target", ""];
  const cells = rows.map((r) => [
    String(r.line),
    r.measure,
    r.subject,
    r.baseline,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : "n/a",
    r.target,
    r.met ? "met" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
