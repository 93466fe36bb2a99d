import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, ok, recorder } from "../../test/fixtures.ts";
import { ClaudeNest } from "../platforms/claudenest/client.ts";
import { APIPromise, PagePromise } from "./api-promise.ts";

const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledFrame: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

const nest = () => new ClaudeNest({ baseUrl, token: "cn_test", retry: 0 });

/** Serves `total` machines as ClaudeNest pages, recording each request's query. */
function machines(total: number) {
  const rec = recorder();
  const all = Array.from({ length: total }, (_, i) => ({ id: `m${i + 1}` }));
  mock.use(
    http.get(`${baseUrl}/machines`, async ({ request }) => {
      await rec.record(request);
      const query = new URL(request.url).searchParams;
      const page = Number(query.get("page") ?? 1);
      const perPage = Number(query.get("per_page") ?? 15);
      return HttpResponse.json({
        success: true,
        data: all.slice((page - 1) * perPage, page * perPage),
        meta: {
          timestamp: "2026-01-01T00:00:00.000Z",
          request_id: `req_page_${page}`,
          pagination: {
            current_page: page,
            last_page: Math.max(1, Math.ceil(total / perPage)),
            per_page: perPage,
            total,
          },
        },
      });
    }),
  );
  return rec.hits;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const queries = (hits: { url: string }[]) => hits.map((h) => new URL(h.url).search);

describe("APIPromise", () => {
  it("resolves to the data, and withResponse() adds status, headers, meta and request id", async () => {
    mock.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json(ok({ status: "ok" }, "req_env"), { headers: { "x-request-id": "req_hdr", "x-extra": "1" } }),
      ),
    );
    const call = nest().health.check();
    expect(call).toBeInstanceOf(APIPromise);
    const response = await call.withResponse();
    expect(response).toMatchObject({
      data: { status: "ok" },
      status: 200,
      requestId: "req_env",
      meta: { requestId: "req_env", timestamp: "2026-01-01T00:00:00.000Z" },
    });
    expect(response.headers.get("x-extra")).toBe("1");
    expect(await call).toEqual({ status: "ok" });
  });

  it("takes the request id from X-Request-ID when the body has none", async () => {
    mock.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json({ status: "ok" }, { status: 200, headers: { "x-request-id": "req_hdr" } }),
      ),
    );
    const { data, requestId, meta } = await nest().health.check().withResponse();
    expect(data).toEqual({ status: "ok" });
    expect(requestId).toBe("req_hdr");
    expect(meta).toEqual({});
  });

  it("behaves as a promise: then, catch and finally give plain promises of the data", async () => {
    mock.use(http.get(`${baseUrl}/health`, () => HttpResponse.json(ok({ status: "ok" }))));
    const call = nest().health.check();
    const mapped = call.then((h) => h.status);
    expect(mapped).not.toBeInstanceOf(APIPromise);
    expect(await mapped).toBe("ok");
    let finished = false;
    expect(
      await call.finally(() => {
        finished = true;
      }),
    ).toEqual({ status: "ok" });
    expect(finished).toBe(true);
    expect(await Promise.all([call, call])).toEqual([{ status: "ok" }, { status: "ok" }]);
  });

  it("rejects through then, catch and withResponse alike", async () => {
    mock.use(http.get(`${baseUrl}/health`, () => HttpResponse.json({}, { status: 404 })));
    const call = nest().health.check();
    await expect(call).rejects.toMatchObject({ status: 404 });
    await expect(call.withResponse()).rejects.toMatchObject({ status: 404 });
    expect(await call.catch((e: unknown) => (e as { status: number }).status)).toBe(404);
  });

  it("sends one request however often it is awaited", async () => {
    const rec = recorder();
    mock.use(
      http.get(`${baseUrl}/health`, async ({ request }) => {
        await rec.record(request);
        return HttpResponse.json(ok({ status: "ok" }));
      }),
    );
    const call = nest().health.check();
    await call;
    await call;
    await call.withResponse();
    expect(rec.hits).toHaveLength(1);
  });
});

describe("PagePromise", () => {
  it("awaits to the first page's items", async () => {
    const hits = machines(5);
    const page = nest().machines.list({ per_page: 2 });
    expect(page).toBeInstanceOf(PagePromise);
    expect((await page).map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(hits).toHaveLength(1);
  });

  it("iterates every item of every page with for await, keeping the other query values", async () => {
    const hits = machines(5);
    const ids: string[] = [];
    for await (const machine of nest().machines.list({ per_page: 2, search: "box" })) ids.push(machine.id);
    expect(ids).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    expect(queries(hits)).toEqual([
      "?search=box&per_page=2",
      "?search=box&page=2&per_page=2",
      "?search=box&page=3&per_page=2",
    ]);
  });

  it("gives every page with its pagination from pages()", async () => {
    machines(5);
    const pages = [];
    for await (const page of nest().machines.list({ per_page: 2 }).pages()) pages.push(page);
    expect(pages.map((p) => [p.meta.pagination?.page, p.data.length, p.requestId])).toEqual([
      [1, 2, "req_page_1"],
      [2, 2, "req_page_2"],
      [3, 1, "req_page_3"],
    ]);
    expect(pages[0]!.meta.pagination).toEqual({ page: 1, lastPage: 3, perPage: 2, total: 5 });
  });

  it("starts from the page asked for and stops after the last one", async () => {
    const hits = machines(5);
    const ids: string[] = [];
    for await (const machine of nest().machines.list({ per_page: 2, page: 2 })) ids.push(machine.id);
    expect(ids).toEqual(["m3", "m4", "m5"]);
    expect(hits).toHaveLength(2);
  });

  it("makes one request for a list that fits on one page, and none more for an empty one", async () => {
    let hits = machines(3);
    expect(await collect(nest().machines.list())).toHaveLength(3);
    expect(hits).toHaveLength(1);
    mock.resetHandlers();
    hits = machines(0);
    expect(await collect(nest().machines.list())).toEqual([]);
    expect(hits).toHaveLength(1);
  });

  it("stops fetching when the loop breaks early", async () => {
    const hits = machines(10);
    for await (const machine of nest().machines.list({ per_page: 2 })) if (machine.id === "m3") break;
    expect(hits).toHaveLength(2);
  });
});
