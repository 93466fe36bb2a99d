import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { Failure } from "./failure.ts";
import { readBody } from "./request-body.ts";

const codes = { payloadTooLarge: "TOO_LARGE", unsupportedMediaType: "MEDIA", badRequest: "BAD", validation: "INVALID" };

/** An app answering what `readBody` gave, or the failure's code; `reads` counts reads of the request's body. */
function app(takesBody: boolean | "form" | "multipart", limit = 100) {
  const counter = { reads: 0 };
  const hono = new Hono();
  hono.all("/", async (c) => {
    try {
      const encoding = takesBody === true ? "json" : takesBody === false ? undefined : takesBody;
      const read = await readBody(c, encoding, limit, codes);
      const value =
        read.value && typeof read.value === "object"
          ? Object.fromEntries(
              Object.entries(read.value).map(([k, v]) => [k, v instanceof File ? { file: v.name, size: v.size } : v]),
            )
          : read.value;
      return c.json({ ...read, value });
    } catch (error) {
      if (error instanceof Failure)
        return c.json({ code: error.code, ...(error.errors ? { errors: error.errors } : {}) }, 400);
      throw error;
    }
  });
  const send = async (init?: RequestInit) => {
    const request = new Request("http://x/", init);
    const body = request.body;
    Object.defineProperty(request, "body", {
      get: () => {
        counter.reads++;
        return body;
      },
    });
    return (await hono.fetch(request)).json();
  };
  return { counter, send, hono };
}

/** `hono` listening on a Node socket as server-lite listens; `close` stops it. */
async function overSocket(hono: Hono) {
  const server = createServer(getRequestListener(hono.fetch));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { server, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A chunked JSON POST whose first write is `first`; it is never ended. */
function unendedPost(port: number, first: Buffer | string) {
  const request = httpRequest({
    port,
    host: "127.0.0.1",
    method: "POST",
    path: "/",
    headers: { "content-type": "application/json" },
  });
  request.on("error", () => {});
  request.write(first);
  return request;
}

/** The answer to a chunked POST whose first write is `first`; the request is never ended. */
async function chunkedAnswer(port: number, first: Buffer) {
  const request = unendedPost(port, first);
  const [response] = (await once(request, "response")) as [IncomingMessage];
  let text = "";
  for await (const chunk of response) text += chunk;
  return { status: response.statusCode, connection: response.headers.connection, body: JSON.parse(text) };
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

  it("stops reading a body of undeclared length as soon as it passes the limit", async () => {
    const { send } = app(true, 1024 * 1024);
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        // Far more than the limit, but an end, should the reading never stop.
        if (pulled > 256 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const init = { method: "POST", body: endless, duplex: "half" } as RequestInit;
    expect(await send(init)).toEqual({ code: "TOO_LARGE" });
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it("gives up a body whose client went away mid-way over a socket, and goes on serving", async () => {
    const { hono } = app(true, 1024 * 1024);
    const failures: unknown[] = [];
    hono.onError((error) => {
      failures.push(error);
      return new Response(null, { status: 500 });
    });
    const { server, port, close } = await overSocket(hono);
    try {
      const arrived = once(server, "request");
      const request = unendedPost(port, '{"name": "half');
      await arrived;
      request.destroy();
      await expect.poll(() => failures.length).toBe(1);
      // Node reports the reset as the request's error ("aborted"): the read rejects with it instead of hanging.
      expect(String(failures[0])).toMatch(/aborted|closed the connection before its body ended/);
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(await answer.json()).toEqual({ value: {}, text: "{}" });
    } finally {
      await close();
    }
  });

  it("reads Node's request itself over a socket, and closes the connection after refusing a body over the limit", async () => {
    const { hono } = app(true, 1024);
    const { port, close } = await overSocket(hono);
    try {
      const body = JSON.stringify({ name: "ü".repeat(300) });
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(await answer.json()).toEqual({ value: { name: "ü".repeat(300) }, text: body });
      // Past the limit, the answer comes while the client is still sending, and the connection then closes.
      expect(await chunkedAnswer(port, Buffer.alloc(2048, 0x20))).toEqual({
        status: 400,
        connection: "close",
        body: { code: "TOO_LARGE" },
      });
    } finally {
      await close();
    }
  });

  it("gives no value to an endpoint without a body, but keeps the text", async () => {
    const { send } = app(false);
    expect(await send({ method: "POST", body: "ignored" })).toEqual({ text: "ignored" });
  });

  it("reads a URL-encoded form, repeating keys as arrays", async () => {
    const { send } = app("form");
    const body = new URLSearchParams([
      ["a", "1"],
      ["b", "x"],
      ["b", "y"],
    ]);
    expect(await send({ method: "POST", body })).toMatchObject({ value: { a: "1", b: ["x", "y"] } });
  });

  it("reads multipart form data with files, and refuses a form sent as JSON", async () => {
    const { send } = app("multipart", 10_000);
    const form = new FormData();
    form.append("note", "hello");
    form.append("file", new File(["12345"], "a.txt", { type: "text/plain" }));
    expect(await send({ method: "POST", body: form })).toMatchObject({
      value: { note: "hello", file: { file: "a.txt", size: 5 } },
    });
    const json = { method: "POST", body: "{}", headers: { "content-type": "application/json" } };
    expect(await send(json)).toEqual({ code: "MEDIA" });
  });

  it("refuses a multipart body over the limit", async () => {
    const { send } = app("multipart", 50);
    const form = new FormData();
    form.append("file", new File(["x".repeat(200)], "big.bin"));
    // Sent as bytes: a FormData body's own stream (undici's) rejects when the reader gives it up half-way.
    const encoded = new Response(form);
    const headers = { "content-type": encoded.headers.get("content-type")! };
    expect(await send({ method: "POST", body: await encoded.arrayBuffer(), headers })).toEqual({ code: "TOO_LARGE" });
  });

  it("takes JSON only as application/json or a +json type, whatever the parameters", async () => {
    const { send } = app(true);
    const post = (type: string) => send({ method: "POST", body: '{"a":1}', headers: { "content-type": type } });
    expect(await post("application/json; charset=utf-8")).toMatchObject({ value: { a: 1 } });
    expect(await post("application/merge-patch+json")).toMatchObject({ value: { a: 1 } });
    for (const type of ["application/json-seq", "application/jsonp", "text/json", "application/x-json", "json"])
      expect(await post(type)).toEqual({ code: "MEDIA" });
  });

  it("refuses invalid UTF-8 instead of storing replacement characters", async () => {
    const { send } = app(true);
    const body = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(await send({ method: "POST", body, headers: { "content-type": "application/json" } })).toEqual({
      code: "BAD",
    });
  });
});
