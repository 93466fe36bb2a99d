import { describe, expect, it } from "vitest";
import { stem, terms, words } from "./text-terms.ts";

describe("terms", () => {
  it("splits words and identifiers, lowercases and drops stop words", () => {
    expect(words("The AuthController uses JWTToken_v2 in auth.php")).toEqual([
      "the",
      "auth",
      "controller",
      "uses",
      "jwt",
      "token",
      "v2",
      "in",
      "auth",
      "php",
    ]);
    expect(terms("How is it fixed with the cache?")).toEqual(["fix", "cach"]);
  });

  it("stems the common forms of a word to one term", () => {
    const forms = (list: string[]) => new Set(list.map(stem));
    expect(forms(["authenticate", "authenticated", "authentication", "authenticating"])).toEqual(
      new Set(["authentic"]),
    );
    expect(forms(["implement", "implemented", "implementation", "implements"])).toEqual(new Set(["implement"]));
    expect(forms(["cache", "cached", "caching", "caches"])).toEqual(new Set(["cach"]));
    expect(forms(["library", "libraries"])).toEqual(new Set(["library"]));
    expect(stem("class")).toBe("class");
    expect(stem("status")).toBe("status");
    expect(stem("jwt")).toBe("jwt");
    expect(stem("2026")).toBe("2026");
  });
});
