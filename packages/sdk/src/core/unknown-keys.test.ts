import { afterEach, describe, expect, it, vi } from "vitest";
import type { Route } from "../contract/routes.ts";
import { warnUnknownKeys } from "./unknown-keys.ts";

/** A route of its own per test: what was warned about is remembered for the whole process. */
function route(method: Route["method"], path: string, query: string[] = ["status", "page"]): Route {
  return { method, path, auth: "user", params: path.includes("{id}") ? ["id"] : [], query };
}

afterEach(() => vi.unstubAllEnvs());

describe("warnUnknownKeys", () => {
  it("warns once per endpoint and key about a key that is neither a path nor a query parameter", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const list = route("GET", "/typo-once/{id}");
    warnUnknownKeys(list, { id: "1", statuz: "online", page: 2 });
    warnUnknownKeys(list, { id: "2", statuz: "offline" });
    expect(warn.mock.calls).toEqual([
      ['@agentlane/sdk: GET /typo-once/{id} takes no "statuz" (it takes id, status, page); the key was not sent.'],
    ]);
    warnUnknownKeys(route("DELETE", "/typo-once/{id}"), { id: "1", statuz: "x" });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("says nothing about known keys, bodies, or in production", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    warnUnknownKeys(route("GET", "/known"), { status: "online", page: 1 });
    warnUnknownKeys(route("POST", "/with-body"), { title: "a body field" });
    vi.stubEnv("NODE_ENV", "production");
    warnUnknownKeys(route("GET", "/in-production"), { statuz: "online" });
    expect(warn).not.toHaveBeenCalled();
  });
});
