import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { AbortError, isAbortError } from "./abort-error.ts";
import { AgentlaneError, isAgentlaneError } from "./agentlane-error.ts";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createAPIError,
  errorClassForStatus,
  errorTable,
  GoneError,
  InternalServerError,
  isAPIError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./api-error.ts";
import { ConnectionError, isConnectionError } from "./connection-error.ts";
import { isResponseValidationError, ResponseValidationError } from "./response-validation-error.ts";
import { isTimeoutError, TimeoutError } from "./timeout-error.ts";

describe("createAPIError", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [410, GoneError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [599, InternalServerError],
  ] as const)("maps %i to %s", (status, ErrorClass) => {
    const error = createAPIError({ status, message: "m" });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(AgentlaneError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it.each([402, 405, 413, 415, 418])("maps an unlisted status (%i) to APIError itself", (status) => {
    const error = createAPIError({ status, message: "m" });
    expect(error.constructor).toBe(APIError);
    expect(error.name).toBe("APIError");
  });

  it("carries everything the response said", () => {
    const headers = new Headers({ "x-request-id": "req_h", "retry-after": "3" });
    const body = { success: false, error: { code: "VAL_001", message: "The given data was invalid." } };
    const error = createAPIError({
      status: 422,
      code: "VAL_001",
      message: "The given data was invalid.",
      details: { email: ["The email field is required."], name: ["Too long.", "Not unique."] },
      requestId: "req_1",
      headers,
      body,
    });
    expect(error).toMatchObject({
      status: 422,
      code: "VAL_001",
      message: "422 VAL_001: The given data was invalid.",
      requestId: "req_1",
      body,
    });
    expect(error.headers.get("retry-after")).toBe("3");
    expect(error.fieldErrors).toEqual({ email: ["The email field is required."], name: ["Too long.", "Not unique."] });
  });

  it("has no field errors when the details are not a field map", () => {
    expect(createAPIError({ status: 422, message: "m" }).fieldErrors).toBeUndefined();
    expect(createAPIError({ status: 422, message: "m", details: ["a"] }).fieldErrors).toBeUndefined();
    expect(createAPIError({ status: 422, message: "m", details: { a: "text" } }).fieldErrors).toBeUndefined();
    expect(createAPIError({ status: 422, message: "m", details: "text" }).fieldErrors).toBeUndefined();
  });

  it("reads well without a code, and always has headers", () => {
    const error = createAPIError({ status: 502, message: "Bad Gateway" });
    expect(error.message).toBe("502: Bad Gateway");
    expect(error.code).toBeUndefined();
    expect(error.headers).toBeInstanceOf(Headers);
  });
});

describe("errorTable", () => {
  it("lists errorClassForStatus and then 5xx, by class name", () => {
    expect(errorTable).toEqual([
      ...Object.entries(errorClassForStatus).map(([status, ErrorClass]) => ({
        status: Number(status),
        name: ErrorClass.name,
      })),
      { status: "5xx", name: "InternalServerError" },
    ]);
    expect(errorTable.map((row) => row.status)).toEqual([400, 401, 403, 404, 409, 410, 422, 429, "5xx"]);
  });
});

describe("the error family", () => {
  it("every error is an AgentlaneError; a timeout is a connection error", () => {
    const errors = [
      new AbortError(),
      new ConnectionError(),
      new TimeoutError(),
      new ResponseValidationError("health.check", [], null),
      createAPIError({ status: 404, message: "m" }),
    ];
    for (const error of errors) {
      expect(isAgentlaneError(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
    }
    expect(isConnectionError(new TimeoutError())).toBe(true);
    expect(isTimeoutError(new ConnectionError())).toBe(false);
    expect(isAbortError(new ConnectionError())).toBe(false);
    expect(isAPIError(new ConnectionError())).toBe(false);
    expect(isResponseValidationError(createAPIError({ status: 400, message: "m" }))).toBe(false);
  });

  it("rejects values that are not branded errors", () => {
    for (const value of [null, undefined, 0, "APIError", {}, new Error("x"), { name: "APIError", status: 404 }]) {
      expect(isAgentlaneError(value)).toBe(false);
      expect(isAPIError(value)).toBe(false);
    }
  });
});

describe("checks across realms and copies", () => {
  it("recognizes an error made in another realm (node:vm), where instanceof fails", () => {
    const foreign = runInNewContext(`
      const error = new Error("404 MCH_001: Machine not found");
      error.name = "NotFoundError";
      error.status = 404;
      Object.defineProperty(error, Symbol.for("agentlane.error.kinds"), { value: ["agentlane", "api"] });
      error;
    `) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(foreign instanceof APIError).toBe(false);
    expect(isAPIError(foreign)).toBe(true);
    expect(isAgentlaneError(foreign)).toBe(true);
    expect(isConnectionError(foreign)).toBe(false);
  });

  it("recognizes errors from a second copy of the SDK's modules", async () => {
    // Resetting the module registry makes the next import evaluate every file again: what two installs give.
    vi.resetModules();
    const copy = await import("./index.ts");
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const notFound = copy.createAPIError({ status: 404, message: "m" });
    const timeout = new copy.TimeoutError();
    expect(notFound instanceof APIError).toBe(false);
    expect(isAPIError(notFound)).toBe(true);
    expect(isTimeoutError(timeout)).toBe(true);
    expect(isConnectionError(timeout)).toBe(true);
    expect(isAbortError(new copy.AbortError())).toBe(true);
    expect(copy.isAPIError(createAPIError({ status: 500, message: "m" }))).toBe(true);
  });
});
