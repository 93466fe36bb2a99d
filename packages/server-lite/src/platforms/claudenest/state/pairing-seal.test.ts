import { describe, expect, it } from "vitest";
import { openToken, sealToken } from "./pairing-seal.ts";

describe("sealToken", () => {
  it("opens only with the pairing token it was sealed for", () => {
    const sealed = sealToken("mn_secret", "pt_agent");
    expect(sealed).not.toContain("secret");
    expect(openToken(sealed, "pt_agent")).toBe("mn_secret");
    expect(openToken(sealed, "pt_other")).toBeUndefined();
    expect(openToken("", "pt_agent")).toBeUndefined();
    expect(sealToken("mn_secret", "pt_agent")).not.toBe(sealed);
  });
});
