import { describe, expect, it } from "vitest";
import { sentences, summarize } from "./summarize.ts";

describe("sentences", () => {
  it("splits at line breaks and sentence ends, dropping bullets", () => {
    expect(sentences("First one. Second one!\n- third item\n2) fourth\n\n  ")).toEqual([
      "First one.",
      "Second one!",
      "third item",
      "fourth",
    ]);
  });
});

describe("summarize", () => {
  const sources = [
    { text: "Moved authentication to JWT tokens. Tokens expire after one hour.", importance: 0.5 },
    { text: "Fixed a typo in the README.", importance: 0.1 },
    { text: "JWT tokens are refreshed by the auth middleware. The login page got a new logo.", importance: 0.9 },
    { text: "Authentication now checks JWT tokens on every request.", importance: 0.5 },
  ];

  it("keeps the sentences carrying the most frequent terms, in their original order", () => {
    const summary = summarize(sources, { maxChars: 150 });
    expect(summary.text.split("\n")).toEqual([
      "- Moved authentication to JWT tokens.",
      "- JWT tokens are refreshed by the auth middleware.",
      "- Authentication now checks JWT tokens on every request.",
    ]);
    expect(summary).toMatchObject({ kept: 3, considered: 6 });
    expect(summary.text.length).toBeLessThanOrEqual(150);
    expect(summarize(sources, { maxChars: 10_000 }).kept).toBe(6);
  });

  it("lets importance decide between sentences of equal content", () => {
    const pick = (a: number, b: number) =>
      summarize(
        [
          { text: "Cache keys use the tenant id.", importance: a },
          { text: "Cache keys include the tenant id.", importance: b },
        ],
        { maxChars: 40 },
      ).text;
    expect(pick(0.9, 0.1)).toBe("- Cache keys use the tenant id.");
    expect(pick(0.1, 0.9)).toBe("- Cache keys include the tenant id.");
  });

  it("skips near-duplicate sentences", () => {
    const summary = summarize(
      [
        { text: "Deploys run on every merge to main.", importance: 0.5 },
        { text: "Deploys run on every merge to main!", importance: 0.5 },
        { text: "Staging mirrors production data nightly.", importance: 0.5 },
      ],
      { maxChars: 1000 },
    );
    expect(summary.text).toBe("- Deploys run on every merge to main.\n- Staging mirrors production data nightly.");
  });

  it("cuts the best sentence at a word when none fits, and answers nothing for no words", () => {
    const long = summarize([{ text: `Alpha ${"beta ".repeat(50)}gamma.`, importance: 1 }], { maxChars: 30 });
    expect(long.text.length).toBeLessThanOrEqual(30);
    expect(long.text).toMatch(/^- Alpha beta .*beta…$/);
    expect(summarize([{ text: "?! ...", importance: 1 }])).toEqual({ text: "", kept: 0, considered: 0 });
    expect(summarize([])).toEqual({ text: "", kept: 0, considered: 0 });
  });
});
