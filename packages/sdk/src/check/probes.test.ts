import { describe, expect, it } from "vitest";
import { missingIdLike, rateLimitDifferences } from "./probes.ts";

describe("rateLimitDifferences", () => {
  it("accepts numeric headers and their absence", () => {
    expect(rateLimitDifferences(new Headers())).toEqual([]);
    const fine = new Headers({
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": "59",
      "x-ratelimit-reset": "1700000000",
    });
    expect(rateLimitDifferences(fine)).toEqual([]);
  });

  it("names a header that is not a non-negative number, and more remaining than the limit", () => {
    const bad = new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": "11", "x-ratelimit-reset": "soon" });
    expect(rateLimitDifferences(bad).map((d) => [d.kind, d.path, d.seen])).toEqual([
      ["headers", "x-ratelimit-reset", "soon"],
      ["headers", "x-ratelimit-remaining", "11"],
    ]);
  });
});

describe("missingIdLike", () => {
  it("keeps the look of a real id", () => {
    expect(missingIdLike("42")).toMatch(/^\d+$/);
    expect(missingIdLike("9b2f6c1e-8d3a-4b7e-9f10-2a3b4c5d6e7f")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(missingIdLike("task-7b25d1c5")).toBe("task-agentlane-check-missing");
    expect(missingIdLike("")).toBe("agentlane-check-missing");
  });
});
