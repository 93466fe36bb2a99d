import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "./index.ts";

let server: LiteServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends raw bytes to the server and answers everything it wrote back. */
function raw(url: string, request: string): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("a listening server", () => {
  it("answers headers that are too large with 431 in the platform's envelope", async () => {
    server = await createServer({ platform: "claudenest" });
    const url = await server.listen(0);
    const answer = await raw(url, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`);
    expect(answer.split("\r\n", 1)[0]).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body).toMatchObject({ success: false, error: { code: "BAD_REQUEST" } });
    expect(typeof body.meta.request_id).toBe("string");
  });

  it("answers what every platform seeded at /_lite/seed, keyed by platform id", async () => {
    server = await createServer({ lite: true, seed: true });
    const seed = await (await server.fetch(new Request("http://lite.test/_lite/seed"))).json();
    expect(seed).toEqual(server.seedInfo);
    expect(seed.claudenest).toMatchObject({
      email: expect.any(String),
      password: expect.any(String),
      token: expect.any(String),
    });
  });
});
