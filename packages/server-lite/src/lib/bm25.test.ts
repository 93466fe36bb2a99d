import { describe, expect, it } from "vitest";
import { rankBm25 } from "./bm25.ts";

describe("rankBm25", () => {
  const documents = [
    "Database migrations run on deploy with the schema tool.",
    "JWT authentication is implemented in the auth middleware; tokens are verified on each request.",
    "The frontend uses Vue 3 with Pinia stores.",
    "Sessions used to authenticate users before the JWT change.",
  ];

  it("ranks the document that matches the most query weight first and leaves out non-matches", () => {
    const ranked = rankBm25("How is authentication implemented with JWT?", documents);
    expect(ranked.map((m) => m.index)).toEqual([1, 3]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it("gives a similarity in 0..1 relative to an average document holding every query term once", () => {
    const [best, partial] = rankBm25("How is authentication implemented with JWT?", documents);
    expect(best!.similarity).toBeGreaterThan(0.7);
    expect(best!.similarity).toBeLessThanOrEqual(1);
    expect(partial!.similarity).toBeGreaterThan(0);
    expect(partial!.similarity).toBeLessThan(best!.similarity);
    // Each holds one of two equally rare query terms: about half the weight.
    const halves = rankBm25("vue schema", documents);
    expect(halves.map((m) => m.index)).toEqual([0, 2]);
    for (const half of halves) {
      expect(half.similarity).toBeGreaterThan(0.4);
      expect(half.similarity).toBeLessThan(0.6);
    }
    // A query term found nowhere still counts in the reference: the match is weaker.
    expect(rankBm25("vue postgres", documents)[0]!.similarity).toBeLessThan(halves[1]!.similarity);
  });

  it("caps the similarity at 1 and prefers more occurrences, then shorter documents", () => {
    const ranked = rankBm25("cache", [
      "cache cache cache cache",
      "cache and more words around the cache here",
      "other",
    ]);
    expect(ranked.map((m) => m.index)).toEqual([0, 1]);
    expect(ranked[0]!.similarity).toBe(1);
  });

  it("weights rare terms above common ones", () => {
    const ranked = rankBm25("api billing", ["api billing", "api gateway", "api docs", "api limits", "billing"]);
    const byIndex = new Map(ranked.map((m) => [m.index, m.score]));
    expect(byIndex.get(4)!).toBeGreaterThan(byIndex.get(1)!);
    expect(ranked[0]!.index).toBe(0);
  });

  it("keeps the input order on equal scores and answers nothing for an empty query or corpus", () => {
    expect(rankBm25("token", ["token", "token"]).map((m) => m.index)).toEqual([0, 1]);
    expect(rankBm25("the of and", documents)).toEqual([]);
    expect(rankBm25("jwt", [])).toEqual([]);
  });
});
