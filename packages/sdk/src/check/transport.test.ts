import { describe, expect, it } from "vitest";
import { ProbeTransport, retryAfterMs, UnreachableError, WriteRefusedError } from "./transport.ts";

/** A fetch that answers from a list, in order, and records what it was sent. */
function scripted(...answers: Response[]) {
  const sent: Request[] = [];
  const fetch = async (input: Request | URL | string, init?: RequestInit) => {
    sent.push(new Request(input, init));
    const next = answers.shift();
    if (!next) throw new TypeError("no more answers");
    return next;
  };
  return { fetch, sent };
}

describe("ProbeTransport", () => {
  it("refuses a write that is not the login, before anything is sent", async () => {
    const { fetch, sent } = scripted(Response.json({}));
    const transport = new ProbeTransport({ baseUrl: "http://server.test/api", fetch });
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      await expect(transport.send({ method, path: "/projects" })).rejects.toBeInstanceOf(WriteRefusedError);
    expect(sent).toEqual([]);
    await transport.send({ method: "POST", path: "/auth/login", body: { a: 1 }, login: true });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(["POST http://server.test/api/auth/login"]);
  });

  it("tries again after a Retry-After, and answers the last try when retries run out", async () => {
    const busy = () => new Response("busy", { status: 503, headers: { "retry-after": "0" } });
    const { fetch, sent } = scripted(busy(), busy(), busy(), Response.json({ ok: true }));
    const transport = new ProbeTransport({ baseUrl: "http://server.test", fetch, retries: 2 });
    const answer = await transport.send({ method: "GET", path: "/health" });
    expect(answer.status).toBe(503);
    expect(sent.length).toBe(3);
  });

  it("does not wait longer than maxRetryAfter, nor retry a 429 without Retry-After", async () => {
    const { fetch, sent } = scripted(
      new Response("", { status: 429, headers: { "retry-after": "3600" } }),
      new Response("", { status: 429 }),
    );
    const transport = new ProbeTransport({ baseUrl: "http://server.test", fetch, maxRetryAfter: 1000 });
    expect((await transport.send({ method: "GET", path: "/a" })).status).toBe(429);
    expect((await transport.send({ method: "GET", path: "/b" })).status).toBe(429);
    expect(sent.length).toBe(2);
  });

  it("reports an unreachable server with the innermost cause", async () => {
    const fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    };
    const transport = new ProbeTransport({ baseUrl: "http://127.0.0.1:9", fetch });
    await expect(transport.send({ method: "GET", path: "/health" })).rejects.toThrow(
      new UnreachableError("GET /health: connect ECONNREFUSED 127.0.0.1:9"),
    );
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:10 GMT", Date.parse("2026-01-01T00:00:00Z"))).toBe(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});
