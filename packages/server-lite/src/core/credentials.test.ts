import { describe, expect, it } from "vitest";
import { bearerOf, credentialsOf } from "./credentials.ts";

describe("credentialsOf", () => {
  it("reads headers, the query, cookies and the bearer token a platform's auth may look for", () => {
    const headers: Record<string, string> = {
      authorization: "Bearer  tok_1 ",
      "x-api-key": "ak_2",
      cookie: "session=s%203; theme=dark; broken=%E0",
    };
    const credentials = credentialsOf((name) => headers[name], "http://x/ws?token=t4&token=t5", "127.0.0.1");
    expect(credentials.bearer).toBe("tok_1");
    expect(credentials.header("x-api-key")).toBe("ak_2");
    expect(credentials.header("x-missing")).toBeUndefined();
    expect(credentials.query("token")).toBe("t4");
    expect(credentials.cookie("session")).toBe("s 3");
    expect(credentials.cookie("broken")).toBe("%E0");
    expect(credentials.cookie("none")).toBeUndefined();
    expect(credentials.address).toBe("127.0.0.1");
  });

  it("finds no bearer token in other schemes", () => {
    expect(bearerOf("Basic dXNlcjpwYXNz")).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
    expect(bearerOf("bearer abc")).toBe("abc");
  });
});
