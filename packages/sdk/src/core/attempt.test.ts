import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { client, failed, ok, route, send } from "../../test/fixtures.ts";
import { isAbortError } from "./errors/abort-error.ts";
import { isAPIError } from "./errors/api-error.ts";
import { isConnectionError } from "./errors/connection-error.ts";
import { isTimeoutError } from "./errors/timeout-error.ts";
import type { HttpClient } from "./http-client.ts";
import type { ClientOptions } from "./options.ts";

// Connection faults need a real socket: a loopback node:http server whose behaviour each test scripts.
type Behaviour = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

let server: Server;
let url: string;
let behaviour: Behaviour;
let hits: number;

beforeEach(async () => {
  hits = 0;
  server = createServer((req, res) => {
    hits++;
    behaviour(req, res, hits);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const succeed: Behaviour = (_req, res, hit) => json(res, 200, ok({ hit }));
/** Never answers (the socket stays open until the test's server closes). */
const hang: Behaviour = () => {};

function loopback(options: Partial<ClientOptions> = {}): HttpClient {
  // No global fetch interception here: the SDK's default fetch talks to the socket.
  return client({ baseUrl: url, retry: { baseDelay: 1 }, ...options });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: Error) => error,
  );
}

describe("connection faults", () => {
  it("reports a refused connection as a ConnectionError naming the cause", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(send(loopback({ baseUrl: `http://127.0.0.1:${port}/api` }), route("GET")));
    expect(isConnectionError(error)).toBe(true);
    expect(isTimeoutError(error)).toBe(false);
    expect(isAPIError(error)).toBe(false);
    expect(error.name).toBe("ConnectionError");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it("retries a GET whose socket is destroyed mid-response", async () => {
    behaviour = (_req, res, hit) => {
      if (hit > 1) return succeed(_req, res, hit);
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"success":true,"da');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    await expect(send(loopback(), route("GET"))).resolves.toEqual({ hit: 2 });
    expect(hits).toBe(2);
  });

  it("does not retry a POST whose socket is destroyed mid-response", async () => {
    behaviour = (req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"success":true,"da');
      setTimeout(() => res.socket?.destroy(), 5);
    };
    const error = await failure(send(loopback(), route("POST"), { name: "x" }));
    expect(isConnectionError(error)).toBe(true);
    expect(hits).toBe(1);
  });

  it("retries a GET whose socket is destroyed before any answer, and gives up after the limit", async () => {
    behaviour = (req) => req.socket.destroy();
    const error = await failure(send(loopback({ retry: { limit: 3, baseDelay: 1 } }), route("GET")));
    expect(isConnectionError(error)).toBe(true);
    expect(hits).toBe(4);
  });
});

describe("timeouts", () => {
  it("times out one attempt and retries it", async () => {
    behaviour = (req, res, hit) => (hit === 1 ? hang(req, res, hit) : succeed(req, res, hit));
    await expect(send(loopback({ timeout: 100 }), route("GET"))).resolves.toEqual({ hit: 2 });
    expect(hits).toBe(2);
  });

  it("throws a TimeoutError (a ConnectionError too) when every attempt times out", async () => {
    behaviour = hang;
    const error = await failure(send(loopback({ timeout: 50, retry: { limit: 1, baseDelay: 1 } }), route("GET")));
    expect(error.name).toBe("TimeoutError");
    expect(isTimeoutError(error)).toBe(true);
    expect(isConnectionError(error)).toBe(true);
    expect(hits).toBe(2);
  });

  it("counts reading the body in the attempt's time", async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"success":true,');
    };
    const error = await failure(send(loopback({ timeout: 100, retry: 0 }), route("GET")));
    expect(isTimeoutError(error)).toBe(true);
  });

  it("times out a custom fetch that ignores the abort signal", async () => {
    const never = () => new Promise<Response>(() => {});
    const error = await failure(send(loopback({ fetch: never, timeout: 20, retry: 0 }), route("GET")));
    expect(isTimeoutError(error)).toBe(true);
  });

  it("per call: `timeout` overrides the client's", async () => {
    behaviour = hang;
    const error = await failure(
      send(loopback({ timeout: 60_000, retry: 0 }), route("GET"), undefined, { timeout: 30 }),
    );
    expect(isTimeoutError(error)).toBe(true);
  });

  it("ends the whole call at totalTimeout, even during a server-directed delay", async () => {
    behaviour = (_req, res) => json(res, 503, failed("SRV_001", "down"), { "retry-after": "30" });
    const error = await failure(send(loopback({ totalTimeout: 200 }), route("GET")));
    expect(isTimeoutError(error)).toBe(true);
    expect(hits).toBe(1);
  });

  it("ends a hanging attempt at totalTimeout when the attempt's own timeout is longer", async () => {
    behaviour = hang;
    const error = await failure(send(loopback({ timeout: 60_000, totalTimeout: 100 }), route("GET")));
    expect(isTimeoutError(error)).toBe(true);
    expect(hits).toBe(1);
  });

  it("answers normally within totalTimeout, retries included", async () => {
    behaviour = (req, res, hit) => (hit === 1 ? json(res, 503, failed("SRV_001", "down")) : succeed(req, res, hit));
    await expect(send(loopback({ totalTimeout: 10_000 }), route("GET"))).resolves.toEqual({ hit: 2 });
  });
});

describe("AbortSignal", () => {
  it("stops a request in flight with an AbortError carrying the reason", async () => {
    const controller = new AbortController();
    behaviour = () => controller.abort(new Error("user left"));
    const error = await failure(send(loopback(), route("GET"), undefined, { signal: controller.signal }));
    expect(isAbortError(error)).toBe(true);
    expect(error.name).toBe("AbortError");
    expect((error.cause as Error).message).toBe("user left");
    expect(hits).toBe(1);
  });

  it("stops during a retry delay, without another attempt", async () => {
    const controller = new AbortController();
    behaviour = (_req, res) => {
      json(res, 503, failed("SRV_001", "down"), { "retry-after": "30" });
      setTimeout(() => controller.abort(), 50);
    };
    const error = await failure(send(loopback(), route("GET"), undefined, { signal: controller.signal }));
    expect(isAbortError(error)).toBe(true);
    expect(hits).toBe(1);
  });

  it("stops during a retry delay when totalTimeout is set as well", async () => {
    const controller = new AbortController();
    behaviour = (_req, res) => {
      json(res, 503, failed("SRV_001", "down"), { "retry-after": "30" });
      setTimeout(() => controller.abort(), 50);
    };
    const call = send(loopback({ totalTimeout: 60_000 }), route("GET"), undefined, { signal: controller.signal });
    expect(isAbortError(await failure(call))).toBe(true);
    expect(hits).toBe(1);
  });

  it("sends nothing when the signal has already fired", async () => {
    behaviour = succeed;
    const error = await failure(send(loopback(), route("GET"), undefined, { signal: AbortSignal.abort() }));
    expect(isAbortError(error)).toBe(true);
    expect(hits).toBe(0);
  });

  it("uses the client's signal when the call gives none", async () => {
    const controller = new AbortController();
    behaviour = () => controller.abort();
    const error = await failure(send(loopback({ signal: controller.signal }), route("GET")));
    expect(isAbortError(error)).toBe(true);
  });
});
