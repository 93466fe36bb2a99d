import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compareWithSchema } from "./compare.ts";
import { Redactor } from "./redact.ts";

const Task = z.object({
  id: z.string(),
  status: z.enum(["pending", "done"]),
  priority: z.number().int().min(1),
  owner: z.object({ name: z.string() }).nullable(),
});
const redact = new Redactor();

describe("compareWithSchema", () => {
  it("tells a missing key, a wrong type, a value outside the enum and a broken limit apart", () => {
    const result = compareWithSchema(z.array(Task), [{ status: "finished", priority: 0, owner: "ann" }], redact);
    expect(result.matches).toBe(false);
    expect(result.differences.map((d) => [d.kind, d.path, d.seen])).toEqual([
      ["missing-key", "data[].id", "absent"],
      ["enum", "data[].status", '"finished"'],
      ["constraint", "data[].priority", "0"],
      ["wrong-type", "data[].owner", "string"],
    ]);
    expect(result.differences.every((d) => d.sdk === "throws")).toBe(true);
    expect(result.differences[1]!.documented).toBe('one of "pending", "done"');
  });

  it("finds keys the schema does not know, nested and in lists, once per path", () => {
    const task = { id: "t", status: "done", priority: 1, owner: { name: "ann", team: "x" }, tags: [] };
    const result = compareWithSchema(z.object({ tasks: z.array(Task) }), { tasks: [task, task] }, redact);
    expect(result.matches).toBe(true);
    expect(result.differences.map((d) => [d.kind, d.path, d.example, d.sdk])).toEqual([
      ["unknown-key", "data.tasks[].owner.team", '"x"', "reads"],
      ["unknown-key", "data.tasks[].tags", "[]", "reads"],
    ]);
  });

  it("reports the closest branch of a union", () => {
    const schema = z.union([z.object({ kind: z.literal("a"), a: z.string() }), z.object({ b: z.number() })]);
    const result = compareWithSchema(schema, { kind: "a", a: 1 }, redact);
    expect(result.differences.map((d) => [d.kind, d.path])).toEqual([["wrong-type", "data.a"]]);
  });

  it("never shows a value under a key that names a secret", () => {
    const result = compareWithSchema(z.object({ token: z.number() }), { token: "cn_secret_value" }, redact);
    expect(result.differences[0]!.example).toBe("[redacted]");
  });
});
