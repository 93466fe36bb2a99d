import { describe, expect, it } from "vitest";
import { ccjkEnvelope, encodeError, encodePage, encodeSuccess } from "./envelope.ts";

const headers = new Headers({ "x-request-id": "req_abc123" });

describe("the CCJK envelope codec", () => {
  it("unwraps successes, with the request id from the header", () => {
    expect(ccjkEnvelope.decode(encodeSuccess({ configId: "sync_1" }), 200, headers)).toEqual({
      ok: true,
      data: { configId: "sync_1" },
      meta: { requestId: "req_abc123" },
    });
  });

  it("reads data.pagination, and the next page's input until the last page", () => {
    const body = encodePage("skills", [{ id: "a" }], { page: 2, limit: 20, total: 156, totalPages: 8 });
    const decoded = ccjkEnvelope.decode(body, 200, headers);
    expect(decoded).toMatchObject({
      ok: true,
      meta: { pagination: { page: 2, perPage: 20, total: 156, lastPage: 8 } },
    });
    const page = decoded as { ok: true; data: unknown; meta: object };
    expect(ccjkEnvelope.nextPage!({ meta: page.meta, data: page.data, query: { sort: "name", page: 2 } })).toEqual({
      sort: "name",
      page: 3,
    });
    // Without totalPages (the document's agents list), the last page follows from total and limit.
    const agents = ccjkEnvelope.decode(encodePage("agents", [], { page: 1, limit: 20, total: 13 }), 200, headers);
    expect(ccjkEnvelope.nextPage!({ meta: (agents as { meta: object }).meta, data: null, query: {} })).toBeUndefined();
  });

  it("reads the documented error, Fastify's and the live server's string errors", () => {
    const error = encodeError({
      code: "RESOURCE_NOT_FOUND",
      message: "Resource not found",
      messageZh: "资源不存在",
      details: {},
      timestamp: "2026-01-21T10:00:00Z",
      requestId: "req_x",
    });
    expect(ccjkEnvelope.decode(error, 200, headers)).toEqual({
      ok: false,
      error: { code: "RESOURCE_NOT_FOUND", message: "Resource not found", details: {}, requestId: "req_x" },
    });
    expect(
      ccjkEnvelope.decodeError(
        { message: "Route GET:/x not found", error: "Not Found", statusCode: 404 },
        404,
        headers,
      ),
    ).toEqual({
      message: "Route GET:/x not found",
      code: undefined,
      requestId: "req_abc123",
    });
    expect(
      ccjkEnvelope.decodeError({ success: false, error: "Not found", path: "/plugins/x" }, 404, headers),
    ).toMatchObject({
      message: "Not found",
    });
    expect(ccjkEnvelope.decodeError("<html>Bad Gateway</html>", 502, new Headers())).toEqual({
      message: "<html>Bad Gateway</html>",
      requestId: undefined,
    });
  });
});
