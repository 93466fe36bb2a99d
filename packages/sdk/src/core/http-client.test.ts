import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { baseUrl, client, failed, ok, recorder, route, send } from "../../test/fixtures.ts";
import { ClaudeNest } from "../platforms/claudenest/client.ts";
import { contract } from "../platforms/claudenest/contract/index.ts";
import { isAPIError, UnprocessableEntityError } from "./errors/api-error.ts";
import { isResponseValidationError, type ResponseValidationError } from "./errors/response-validation-error.ts";
import { HttpClient } from "./http-client.ts";

const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledFrame: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

/** Answers every request with `respond`, recording it. */
function answering(respond: (hit: number) => Response = () => HttpResponse.json(ok(null))) {
  const rec = recorder();
  mock.use(
    http.all(`${baseUrl}/*`, async ({ request }) => {
      await rec.record(request);
      return respond(rec.hits.length);
    }),
  );
  return rec.hits;
}

const health = { status: "ok", version: "1.0.0", timestamp: "2026-01-01T00:00:00.000Z" };

describe("headers and auth", () => {
  it("asks for JSON and sends the bearer token only to endpoints that need one", async () => {
    const hits = answering();
    const http = client({ token: "cn_secret" });
    await send(http, route("GET", "/private", { auth: "user" }));
    await send(http, route("GET", "/public"));
    expect(hits.map((h) => [h.headers.get("accept"), h.headers.get("authorization")])).toEqual([
      ["application/json", "Bearer cn_secret"],
      ["application/json", null],
    ]);
  });

  it("lets one call use another token", async () => {
    const hits = answering();
    await send(client({ token: "cn_a" }), route("GET", "/x", { auth: "pairing" }), undefined, { token: "pt_b" });
    expect(hits[0]!.headers.get("authorization")).toBe("Bearer pt_b");
  });

  it("merges client and call headers, whatever their case", async () => {
    const hits = answering();
    const http = client({ headers: { "X-Client": "1", Accept: "application/vnd.test+json" } });
    await send(http, route("GET"), undefined, { headers: { "x-call": "2", "X-CLIENT": "3" } });
    expect(hits[0]!.headers.get("accept")).toBe("application/vnd.test+json");
    expect(hits[0]!.headers.get("x-client")).toBe("3");
    expect(hits[0]!.headers.get("x-call")).toBe("2");
  });

  it("calls a token function before every attempt, retries included", async () => {
    const hits = answering((hit) =>
      hit < 3 ? HttpResponse.json(failed("SRV_001", "down"), { status: 503 }) : HttpResponse.json(ok(null)),
    );
    let n = 0;
    const token = vi.fn(async () => `cn_${++n}`);
    await send(client({ token, retry: { baseDelay: 0 } }), route("GET", "/x", { auth: "user" }));
    expect(hits.map((h) => h.headers.get("authorization"))).toEqual(["Bearer cn_1", "Bearer cn_2", "Bearer cn_3"]);
    expect(token).toHaveBeenCalledTimes(3);
  });

  it("sends no authorization when the token function gives nothing", async () => {
    const hits = answering();
    await send(client({ token: () => undefined }), route("GET", "/x", { auth: "user" }));
    expect(hits[0]!.headers.get("authorization")).toBeNull();
  });
});

describe("answers", () => {
  it("unwraps the envelope's data", async () => {
    answering(() => HttpResponse.json(ok({ id: 1 })));
    await expect(send(client(), route("GET"))).resolves.toEqual({ id: 1 });
  });

  it("answers null for an empty body (204)", async () => {
    answering(() => new HttpResponse(null, { status: 204 }));
    await expect(send(client(), route("DELETE"))).resolves.toBeNull();
  });

  it("turns an error envelope into the status's error class with its code, fields and request id", async () => {
    answering(() =>
      HttpResponse.json(failed("VAL_001", "The given data was invalid.", { email: ["The email field is required."] }), {
        status: 422,
        headers: { "x-request-id": "req_header" },
      }),
    );
    const error = await send(client(), route("POST"), { email: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      status: 422,
      code: "VAL_001",
      message: "422 VAL_001: email: The email field is required.",
      requestId: "req_VAL_001",
      fieldErrors: { email: ["The email field is required."] },
      details: { email: ["The email field is required."] },
    });
    expect((error as UnprocessableEntityError).headers.get("x-request-id")).toBe("req_header");
  });

  it("keeps what a proxy said when the body is not the envelope, with the X-Request-ID header", async () => {
    answering(
      () =>
        new HttpResponse("<html>Bad gateway</html>", {
          status: 502,
          headers: { "content-type": "text/html", "x-request-id": "req_proxy" },
        }),
    );
    const error = await send(client({ retry: 0 }), route("GET")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "InternalServerError",
      status: 502,
      code: undefined,
      message: "502: <html>Bad gateway</html>",
      requestId: "req_proxy",
    });
  });

  it("reads an error envelope that is not labelled as JSON", async () => {
    answering(
      () =>
        new HttpResponse(JSON.stringify(failed("MCH_001", "Machine not found")), {
          status: 404,
          headers: { "content-type": "text/plain" },
        }),
    );
    await expect(send(client(), route("GET"))).rejects.toMatchObject({ name: "NotFoundError", code: "MCH_001" });
  });

  it("treats `success: false` in a 200 answer as an error", async () => {
    answering(() => HttpResponse.json(failed("TSK_002", "Task already claimed")));
    const error = await send(client(), route("GET")).catch((e: unknown) => e);
    expect(isAPIError(error)).toBe(true);
    expect(error).toMatchObject({ status: 200, code: "TSK_002" });
  });
});

describe("response validation", () => {
  function nest(mode?: "strict" | "warn") {
    return new ClaudeNest({ baseUrl, validate: mode ? { contract, mode } : { contract }, retry: 0 });
  }

  it("accepts a matching response and keeps unknown extra fields", async () => {
    answering(() => HttpResponse.json(ok({ ...health, region: "eu", extra: { nested: true } })));
    await expect(nest().health.check()).resolves.toEqual({ ...health, region: "eu", extra: { nested: true } });
  });

  it("throws a ResponseValidationError in strict mode (the default)", async () => {
    answering(() => HttpResponse.json(ok({ ...health, version: 2 })));
    const error = (await nest()
      .health.check()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(isResponseValidationError(error)).toBe(true);
    expect(error.endpoint).toBe("health.check");
    expect(error.issues.map((i) => i.path)).toEqual([["version"]]);
    expect(error.message).toMatch(/^Response of health\.check does not match its contract: version: /);
    expect(error.data).toEqual({ ...health, version: 2 });
  });

  it("only warns in warn mode, and answers the data", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    answering(() => HttpResponse.json(ok({ status: "ok" })));
    await expect(nest("warn").health.check()).resolves.toEqual({ status: "ok" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/health\.check .*\(\+1 more\)/);
  });

  it("does not validate without `validate`", async () => {
    answering(() => HttpResponse.json(ok({ anything: true })));
    await expect(new ClaudeNest({ baseUrl }).health.check()).resolves.toEqual({ anything: true });
  });
});

describe("options", () => {
  it("refuses bad options with a clear error", () => {
    expect(() => client({ baseUrl: "" })).toThrow(/`baseUrl` is required/);
    expect(() => client({ timeout: -1 })).toThrow(RangeError);
    expect(() => client({ timeout: 0 })).toThrow(/`timeout` must be a positive number/);
    expect(() => client({ timeout: 2 ** 31 })).toThrow(RangeError);
    expect(() => client({ totalTimeout: Number.NaN })).toThrow(RangeError);
    expect(() => client({ retry: -1 })).toThrow(/`retry.limit` must be a non-negative integer/);
    expect(() => client({ retry: { limit: 1.5 } })).toThrow(RangeError);
    expect(() => client({ retry: { maxDelay: -5 } })).toThrow(RangeError);
    expect(() => client({ timeout: false, totalTimeout: false, retry: { limit: 0, baseDelay: 0 } })).not.toThrow();
  });

  it("refuses a bad per-call timeout or retry before sending", async () => {
    const hits = answering();
    await expect(send(client(), route("GET"), undefined, { timeout: -1 })).rejects.toThrow(RangeError);
    await expect(send(client(), route("GET"), undefined, { retry: { limit: -2 } })).rejects.toThrow(RangeError);
    expect(hits).toHaveLength(0);
  });
});

describe("multipart bodies", () => {
  const upload = route("POST", "/files", { contentType: "multipart" });

  it("fail without leaving the body's stream behind, and a retry sends the file again", async () => {
    const hits = answering((hit) =>
      hit === 1
        ? HttpResponse.json({ success: false, error: { code: "SRV", message: "busy" } }, { status: 503 })
        : HttpResponse.json(ok(null)),
    );
    const http = client({ retry: { limit: 1, baseDelay: 1, maxDelay: 1 } });
    await send(http, upload, { file: new File(["payload-1"], "a.txt") }, { idempotencyKey: true });
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.body.includes("payload-1"))).toEqual([true, true]);
    expect(hits[1]?.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);

    answering(() => HttpResponse.json({ success: false, error: { code: "BAD", message: "no" } }, { status: 400 }));
    const error = await send(http, upload, { file: new File(["payload-2"], "b.txt") }).catch((e: unknown) => e);
    // A body stream left behind would reject unhandled (vitest fails the run on it).
    expect(isAPIError(error)).toBe(true);
  });
});

describe("pages", () => {
  it("gives nextPage the input of the page just read, so offsets advance", async () => {
    const hits = answering((hit) => HttpResponse.json({ items: hit <= 3 ? [hit] : [], total: 3 }));
    const offsets = new HttpClient(
      { baseUrl },
      {
        decode: (body) => ({ ok: true, data: body, meta: {} }),
        decodeError: (_body, status) => ({ message: `HTTP ${status}` }),
        nextPage: ({ data, query }) => {
          const skip = Number(query.skip ?? 0) + (data as { items: unknown[] }).items.length;
          return skip < (data as { total: number }).total ? { ...query, skip } : undefined;
        },
      },
    );
    const list = route("GET", "/list", { query: ["skip"], paginated: true, items: "items" });
    const items: unknown[] = [];
    for await (const item of offsets.call("things", "list", list, {}) as unknown as AsyncIterable<unknown>)
      items.push(item);
    expect(items).toEqual([1, 2, 3]);
    expect(hits.map((h) => new URL(h.url).searchParams.get("skip"))).toEqual([null, "1", "2"]);
  });
});
