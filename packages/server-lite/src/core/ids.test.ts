import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "./ids.ts";

describe("newToken", () => {
  it("makes 40 URL-safe characters after the prefix, never the same twice across many refills of its pool", () => {
    // 4,096 bytes a pool, 30 a token: 1,000 tokens take the pool through seven refills.
    const tokens = Array.from({ length: 1000 }, () => newToken("mn_"));
    for (const token of tokens) expect(token).toMatch(/^mn_[A-Za-z0-9_-]{40}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Nor do two share even their first ten random characters (a slice of the pool handed out twice would).
    expect(new Set(tokens.map((t) => t.slice(3, 13))).size).toBe(tokens.length);
  });

  it("is stored as its SHA-256 in hex", () => {
    expect(hashToken("mn_abc")).toBe("f0163329f960f5087317552691dd7432dcb0991b58b7ee9ed9d1cce1975cfebd");
  });
});
