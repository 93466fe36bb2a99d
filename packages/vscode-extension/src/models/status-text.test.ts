import { describe, expect, it } from "vitest";
import { statusText } from "./status-text.ts";

describe("statusText", () => {
  it("says connected, reconnecting with the attempt, or offline with the reason", () => {
    expect(statusText({ state: "connected" }, "work").text).toBe("$(plug) work");
    expect(statusText({ state: "reconnecting", attempt: 3 }, "work")).toMatchObject({
      text: "$(sync~spin) work (attempt 3)",
      tooltip: expect.stringContaining("attempt 3"),
    });
    expect(statusText({ state: "offline" }, undefined).text).toBe("$(debug-disconnect) Agentlane");
    expect(statusText({ state: "offline", reason: "refused" }, undefined).tooltip).toContain("refused");
  });
});
