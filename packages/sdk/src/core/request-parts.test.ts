import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, client, ok, recorder, route, send } from "../../test/fixtures.ts";
import { bodyOf, urlOf } from "./request-parts.ts";

const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledFrame: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

function recording() {
  const rec = recorder();
  mock.use(
    http.all(`${baseUrl}/*`, async ({ request }) => {
      await rec.record(request);
      return HttpResponse.json(ok(null));
    }),
  );
  return rec.hits;
}

const byId = route("GET", "/machines/{id}", { params: ["id"] });

describe("path parameters", () => {
  it.each([
    ["a/b", "/machines/a%2Fb"],
    ["../x", "/machines/..%2Fx"],
    ["..", undefined],
    [".", undefined],
    ["a b?c#d%e", "/machines/a%20b%3Fc%23d%25e"],
    ["…/ü", "/machines/%E2%80%A6%2F%C3%BC"],
    [42, "/machines/42"],
  ])("encodes %j so it never changes the route", (id, path) => {
    if (path === undefined) expect(() => urlOf(baseUrl, byId, { id })).toThrow(TypeError);
    else expect(urlOf(baseUrl, byId, { id })).toBe(`${baseUrl}${path}`);
  });

  it("sends the encoded path on the wire", async () => {
    const hits = recording();
    await send(client(), byId, { id: "a/b" });
    await send(client(), byId, { id: "../x" });
    expect(hits.map((h) => new URL(h.url).pathname)).toEqual(["/api/machines/a%2Fb", "/api/machines/..%2Fx"]);
  });

  it.each([".", "..", "", undefined, null])("refuses %j with a TypeError and sends nothing", async (id) => {
    const hits = recording();
    await expect(send(client(), byId, { id })).rejects.toThrow(TypeError);
    await expect(send(client(), byId, { id })).rejects.toThrow(/`id`/);
    expect(hits).toHaveLength(0);
  });

  it("encodes the slashes of a greedy parameter as well (the server decodes them)", () => {
    const files = route("GET", "/files/{path+}", { params: ["path"] });
    expect(urlOf(baseUrl, files, { path: "src/a.ts" })).toBe(`${baseUrl}/files/src%2Fa.ts`);
  });
});

describe("query and body", () => {
  const list = route("GET", "/machines", { query: ["search", "status", "page", "tags"] });

  it("puts query names in the query string, repeating arrays and skipping empty values", () => {
    expect(urlOf(baseUrl, list, { search: "a b&c", status: undefined, page: 2, tags: ["x", "y"] })).toBe(
      `${baseUrl}/machines?search=a+b%26c&page=2&tags=x&tags=y`,
    );
    expect(urlOf(baseUrl, list, { status: null })).toBe(`${baseUrl}/machines`);
    expect(urlOf(baseUrl, list, undefined)).toBe(`${baseUrl}/machines`);
  });

  it("sends every other key as the JSON body, without path, query or undefined keys", () => {
    const update = route("PATCH", "/machines/{id}", { params: ["id"], query: ["dry_run"] });
    expect(bodyOf(update, { id: "m1", dry_run: true, name: "box", note: undefined, tags: null })).toEqual({
      body: '{"name":"box","tags":null}',
      contentType: "application/json",
    });
    expect(bodyOf(update, { id: "m1" })).toBeUndefined();
  });

  it("never sends a body with GET or DELETE", () => {
    expect(bodyOf(route("GET"), { name: "x" })).toBeUndefined();
    expect(bodyOf(route("DELETE"), { name: "x" })).toBeUndefined();
  });

  it("labels a body as JSON, and only when there is one", async () => {
    const hits = recording();
    await send(client(), route("POST"), { name: "x" });
    await send(client(), route("POST"));
    expect(hits.map((h) => [h.headers.get("content-type"), h.body])).toEqual([
      ["application/json", '{"name":"x"}'],
      [null, ""],
    ]);
  });

  it("encodes a form body, repeating array keys and sending objects as JSON", () => {
    const form = route("POST", "/token", { contentType: "form" });
    const encoded = bodyOf(form, { grant_type: "client_credentials", scope: ["a", "b"], extra: { x: 1 } });
    expect(encoded?.contentType).toBe("application/x-www-form-urlencoded");
    expect(String(encoded?.body)).toBe("grant_type=client_credentials&scope=a&scope=b&extra=%7B%22x%22%3A1%7D");
  });

  it("encodes a multipart body with Blobs as files and leaves the content type to fetch", async () => {
    const upload = route("POST", "/files", { contentType: "multipart" });
    const file = new File(["hello"], "notes.txt", { type: "text/plain" });
    const encoded = bodyOf(upload, { file, description: "notes" });
    expect(encoded?.contentType).toBeUndefined();
    const form = encoded?.body as FormData;
    expect(form.get("description")).toBe("notes");
    const sent = form.get("file") as File;
    expect(sent.name).toBe("notes.txt");
    expect(await sent.text()).toBe("hello");
  });
});
