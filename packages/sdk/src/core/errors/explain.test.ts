import { describe, expect, it } from "vitest";
import { explainedMessage, firstFieldProblem, type SentRequest } from "./explain.ts";

const sent: SentRequest = {
  method: "GET",
  url: "http://localhost:8000/api/items",
  baseUrl: "http://localhost:8000/api",
  credentialsSent: true,
};

describe("firstFieldProblem", () => {
  it("reads field errors as platforms send them", () => {
    expect(firstFieldProblem({ project_id: ["Required", "Must be a UUID"] })).toBe("project_id: Required");
    expect(firstFieldProblem([{ loc: ["body", "limit"], msg: "must be at most 100" }])).toBe(
      "limit: must be at most 100",
    );
    expect(firstFieldProblem([{ path: ["a", 0, "b"], message: "Expected string" }])).toBe("a.0.b: Expected string");
  });

  it("finds no field in details that name none", () => {
    expect(firstFieldProblem(undefined)).toBeUndefined();
    expect(firstFieldProblem("text")).toBeUndefined();
    expect(firstFieldProblem({ retry_after: 30 })).toBeUndefined();
    expect(firstFieldProblem({ bucket: "other", object: "a.txt" })).toBeUndefined();
    expect(firstFieldProblem({ name: ["Too long"], limit: 100 })).toBeUndefined();
    expect(firstFieldProblem([{ msg: "no location" }])).toBeUndefined();
  });
});

describe("explainedMessage", () => {
  it("leads a validation failure with its first field problem, counting the rest", () => {
    const details = { project_id: ["Required"], title: ["Too long", "Has a tab"] };
    expect(explainedMessage({ status: 422, message: "The given data was invalid.", details }, sent)).toBe(
      "project_id: Required (and 2 more in fieldErrors)",
    );
    expect(explainedMessage({ status: 422, message: "Invalid", details: { id: ["Bad"] } }, undefined)).toBe("id: Bad");
  });

  it("keeps a message that already names the field problem", () => {
    const details = [{ loc: ["body", "limit"], msg: "too big" }];
    expect(explainedMessage({ status: 422, message: "limit: too big", details }, sent)).toBe("limit: too big");
  });

  it("tells a 401 without credentials from one whose credentials were refused", () => {
    expect(explainedMessage({ status: 401, message: "Unauthenticated." }, { ...sent, credentialsSent: false })).toBe(
      "Unauthenticated. (the SDK sent no credentials: set the client's `token` or `auth`)",
    );
    expect(explainedMessage({ status: 401, message: "Unauthenticated." }, sent)).toBe(
      "Unauthenticated. (the SDK sent credentials; the server did not accept them)",
    );
  });

  it("adds nothing to a 401 of an endpoint that needs no credentials (a login's wrong password)", () => {
    const login = { ...sent, method: "POST", credentialsSent: undefined };
    expect(explainedMessage({ status: 401, message: "Invalid credentials." }, login)).toBe("Invalid credentials.");
  });

  it("names the URL and the base URL on a 404 that is no error of the platform's", () => {
    expect(explainedMessage({ status: 404, message: "HTTP 404" }, sent)).toBe(
      "HTTP 404 (GET http://localhost:8000/api/items matched no route: is the client's baseUrl, http://localhost:8000/api, the API's root, prefix included?)",
    );
    expect(explainedMessage({ status: 404, code: "MCH_001", message: "Machine not found" }, sent)).toBe(
      "Machine not found",
    );
  });
});
