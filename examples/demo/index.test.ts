import { expect, it } from "vitest";
import { main } from "./index.ts";

it("runs the guided tour end to end", async () => {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  const text = lines.join("\n");
  expect(text).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(text).toContain("health: ok");
  expect(text).toMatch(/paired as machine [0-9a-f-]{36}/);
  expect(text).toMatch(/- Dev box\s+online/);
  expect(text).toContain("ConflictError (instanceof ConflictError: true), status 409, code PAR_003");
  expect(lines.at(-1)).toBe("8. server stopped");
});
