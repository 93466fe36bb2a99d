import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { Failure } from "./failure.ts";
import { readBody } from "./request-body.ts";

const codes = { payloadTooLarge: "TOO_LARGE", unsupportedMediaType: "MEDIA", badRequest: "BAD", validation: "INVALID" };

/** An app answering what `readBody` gave, or the failure's code; `reads` counts calls of `c.req.text()`. */
function app(takesBody: boolean, limit = 100) {
  const counter = { reads: 0 };
  const hono = new Hono();
  hono.all("/", async (c) => {
    const text = c.req.text.bind(c.req);
    c.req.text = () => {
      counter.reads++;
      return text();
    };
    try {
      return c.json(await readBody(c, takesBody, limit, codes));
    } catch (error) {
      if (error instanceof Failure)
        return c.json({ code: error.code, ...(error.errors ? { errors: error.errors } : {}) }, 400);
      throw error;
    }
  });
  return { counter, send: async (init?: RequestInit) => (await hono.fetch(new Request("http://x/", init))).json() };
}

describe("readBody", () => {
  it("does not read a GET or HEAD that declares no body", async () => {
    const { counter, send } = app(false);
    expect(await send()).toEqual({ text: "" });
    expect(counter.reads).toBe(0);
  });

  it("reads a GET that declares a body, and refuses one declared too large", async () => {
    const { counter, send } = app(false, 10);
    expect(await send({ headers: { "transfer-encoding": "chunked" } })).toEqual({ text: "" });
    expect(counter.reads).toBe(1);
    expect(await send({ headers: { "content-length": "11" } })).toEqual({ code: "TOO_LARGE" });
  });

  it("reads every other method and parses JSON for an endpoint that takes a body", async () => {
    const { counter, send } = app(true);
    const json = { "content-type": "application/json" };
    expect(await send({ method: "POST", headers: json, body: '{"a":1}' })).toEqual({
      value: { a: 1 },
      text: '{"a":1}',
    });
    expect(await send({ method: "DELETE" })).toEqual({ value: {}, text: "" });
    expect(counter.reads).toBe(2);
  });

  it("answers the documented failures", async () => {
    const { send } = app(true, 10);
    expect(await send({ method: "POST", headers: { "content-type": "text/plain" }, body: "{}" })).toEqual({
      code: "MEDIA",
    });
    expect(await send({ method: "POST", headers: { "content-type": "application/json" }, body: "{nope" })).toEqual({
      code: "BAD",
    });
    expect(await send({ method: "POST", body: "x".repeat(11) })).toEqual({ code: "TOO_LARGE" });
  });

  it("refuses JSON nested deeper than values can be stored, naming the field", async () => {
    const { send } = app(true, 1024 * 1024);
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    const json = { "content-type": "application/json" };
    const answer = await send({ method: "POST", headers: json, body: `{"name":"x","metadata":{"a":${deep}}}` });
    expect(answer).toEqual({
      code: "INVALID",
      errors: { metadata: ["The metadata field is nested too deeply: at most 512 levels of objects and arrays."] },
    });
    expect(await send({ method: "POST", headers: json, body: deep })).toMatchObject({ code: "INVALID" });
  });

  it("gives no value to an endpoint without a body, but keeps the text", async () => {
    const { send } = app(false);
    expect(await send({ method: "POST", body: "ignored" })).toEqual({ text: "ignored" });
  });
});
