import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, tooDeeplyNested } from "./json-depth.ts";

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe("tooDeeplyNested", () => {
  it("accepts values up to the limit, counting objects and arrays alike", () => {
    expect(tooDeeplyNested(1)).toBeUndefined();
    expect(tooDeeplyNested({ a: 1 }, 1)).toBeUndefined();
    expect(tooDeeplyNested({ a: [1] }, 1)).toBe("a");
    expect(tooDeeplyNested({ a: nested(MAX_JSON_DEPTH - 1) })).toBeUndefined();
  });

  it("names the top-level field that nests too deeply, or the body itself", () => {
    expect(tooDeeplyNested({ ok: [1, 2], metadata: nested(MAX_JSON_DEPTH) })).toBe("metadata");
    expect(tooDeeplyNested([nested(MAX_JSON_DEPTH)])).toBe("body");
    expect(tooDeeplyNested(nested(MAX_JSON_DEPTH + 1))).toBe("body");
  });

  it("walks values far deeper than the stack allows for recursion", () => {
    const deep = JSON.parse(`{"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}`);
    expect(tooDeeplyNested(deep)).toBe("x");
  });
});
