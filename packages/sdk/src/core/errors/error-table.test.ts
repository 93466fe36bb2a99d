import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorClassForStatus, errorTable, InternalServerError } from "./api-error.ts";

const readme = readFileSync(new URL("../../../../../README.md", import.meta.url), "utf8");

/** The `| status | class |` rows of the table under the README's `## Errors` heading. */
function documentedRows(markdown: string): Array<{ status: number | "5xx"; name: string }> {
  const start = markdown.search(/^## Errors\s*$/m);
  if (start === -1) throw new Error("README.md has no `## Errors` section");
  const section = markdown.slice(start).split("\n").slice(1);
  const end = section.findIndex((line) => /^#{1,2} /.test(line));
  const rows: Array<{ status: number | "5xx"; name: string }> = [];
  for (const line of end === -1 ? section : section.slice(0, end)) {
    const cells = line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((cell) => cell.trim().replaceAll("`", ""));
    const [status, name] = cells;
    if (!line.trim().startsWith("|") || !status || !name || !/^(\d{3}|5xx)$/i.test(status)) continue;
    rows.push({ status: /^\d+$/.test(status) ? Number(status) : "5xx", name });
  }
  return rows;
}

const byStatus = (a: { status: number | "5xx" }, b: { status: number | "5xx" }) =>
  String(a.status).localeCompare(String(b.status));

describe("README error table", () => {
  it("lists exactly the classes the SDK throws for each status", () => {
    const expected = [
      ...Object.entries(errorClassForStatus).map(([status, ErrorClass]) => ({
        status: Number(status),
        name: new ErrorClass({ status: Number(status), message: "" }).name,
      })),
      { status: "5xx" as const, name: new InternalServerError({ status: 500, message: "" }).name },
    ];
    const documented = documentedRows(readme);
    expect(documented.toSorted(byStatus)).toEqual(expected.toSorted(byStatus));
    expect(errorTable.toSorted(byStatus)).toEqual(expected.toSorted(byStatus));
  });

  it("reads tables with extra columns and backticks", () => {
    const markdown =
      "# X\n\n## Errors\n\n| Status | Class | When |\n|---|---|---|\n| `404` | `NotFoundError` | gone |\n\n## Next\n| 400 | Nope |";
    expect(documentedRows(markdown)).toEqual([{ status: 404, name: "NotFoundError" }]);
  });
});
