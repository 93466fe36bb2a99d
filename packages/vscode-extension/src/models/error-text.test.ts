import { ConnectionError, createAPIError } from "@agentlane/sdk";
import { describe, expect, it } from "vitest";
import { describeError, isRetryable } from "./error-text.ts";

const apiError = (status: number, code?: string) =>
  createAPIError({ status, message: "Task is already claimed", ...(code ? { code } : {}), headers: new Headers() });

describe("error text", () => {
  it("shows the platform's message and code", () => {
    expect(describeError(apiError(409, "TSK_002"))).toBe("Task is already claimed (TSK_002)");
    expect(describeError(apiError(500))).toBe("Task is already claimed (HTTP 500)");
    expect(describeError(new Error("plain"))).toBe("plain");
    const invalid = createAPIError({
      status: 422,
      code: "VAL_001",
      message: "The given data was invalid.",
      details: { title: ["The title field is required."] },
    });
    expect(describeError(invalid)).toBe("The given data was invalid. title: The title field is required. (VAL_001)");
  });

  it("offers a retry for the network, rate limits and server errors, not for refusals", () => {
    expect(isRetryable(new ConnectionError("down"))).toBe(true);
    expect(isRetryable(apiError(429))).toBe(true);
    expect(isRetryable(apiError(503))).toBe(true);
    expect(isRetryable(apiError(409, "TSK_002"))).toBe(false);
    expect(isRetryable(apiError(401))).toBe(false);
  });
});
