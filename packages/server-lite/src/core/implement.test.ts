import { contract } from "@agentlane/sdk/claudenest/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type NestHarness, startNest } from "../platforms/claudenest/test-nest.ts";

/** Every endpoint of the ClaudeNest contract, as `resource.name` with its spec. */
const endpoints = Object.entries(contract).flatMap(([resource, group]) =>
  Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec })),
);
const ROUTER_NOT_FOUND = { code: "NOT_FOUND", message: "Not found" };

let h: NestHarness;
let unexpected: unknown[];
beforeEach(async () => {
  unexpected = [];
  h = await startNest({ onError: (error) => unexpected.push(error) });
});
afterEach(async () => {
  await h.close();
  // No test here may reach an error the server did not expect.
  expect(unexpected).toEqual([]);
});

const fill = (path: string) => path.replace(/\{\w+\+?\}/g, "x");

/** The answer to a request the router could not route: a 404 NOT_FOUND or a 405. */
async function routerAnswer(response: Response): Promise<boolean> {
  if (response.status === 405) return true;
  if (response.status !== 404) return false;
  const { error } = await response.clone().json();
  return error.code === ROUTER_NOT_FOUND.code && error.message === ROUTER_NOT_FOUND.message;
}

describe("routing", () => {
  it("knows what the router's own 404 looks like", async () => {
    const response = await h.request("GET", "/no/such/route", { token: h.token });
    expect(response.status).toBe(404);
    expect(await routerAnswer(response)).toBe(true);
  });

  it("routes every contract endpoint to its handler (anonymous: the auth in front of it answers)", async () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(23);
    for (const { id, spec } of endpoints) {
      const body = spec.method === "POST" || spec.method === "PATCH" ? {} : undefined;
      const response = await h.request(spec.method, fill(spec.path), { body });
      expect(await routerAnswer(response), id).toBe(false);
      expect(response.status, id).toBeLessThan(500);
      const payload = await response.json();
      if (spec.auth === "none") expect(payload.error?.code, id).not.toBe("AUTH_002");
      else expect([response.status, payload.error.code], id).toEqual([401, "AUTH_002"]);
    }
  });

  it("routes every contract endpoint to its handler (with a token: validation or the handler answers)", async () => {
    for (const { id, spec } of endpoints) {
      // A fresh token each time: logout revokes the one it is called with.
      const { token } = await h.nest.auth.createToken({ name: id });
      const body = spec.method === "POST" || spec.method === "PATCH" ? {} : undefined;
      const response = await h.request(spec.method, fill(spec.path), { body, token });
      expect(await routerAnswer(response), id).toBe(false);
      expect(response.status, id).toBeLessThan(500);
      if (spec.auth === "user" || spec.auth === "agent") expect(response.status, id).not.toBe(401);
    }
  });

  it("answers an unknown route in the platform's envelope with 404 NOT_FOUND", async () => {
    const response = await h.request("GET", "/machines/x/unknown");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      success: false,
      error: ROUTER_NOT_FOUND,
      meta: { timestamp: "2026-02-02T12:00:00.000Z", request_id: expect.stringMatching(/^req_/) },
    });
  });

  it("answers a path outside every platform with a plain 404 that says where the platforms are", async () => {
    const response = await h.server.fetch(new Request("http://lite.test/nowhere"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found", platforms: { ...h.server.bases } });
    expect(h.server.bases).toMatchObject({ claudenest: "/claudenest/api" });
  });

  it("answers a wrong method with 405 METHOD_NOT_ALLOWED and an Allow header", async () => {
    const cases = [
      ["DELETE", "/machines", "GET, POST"],
      ["PUT", "/machines/x", "GET, PATCH, DELETE"],
      ["GET", "/auth/login", "POST"],
      ["POST", "/health", "GET"],
      ["DELETE", "/pairing/ABC-123", "GET"],
    ] as const;
    for (const [method, path, allow] of cases) {
      const response = await h.request(method, path, { token: h.token });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow"), `${method} ${path}`).toBe(allow);
      expect((await response.json()).error).toEqual({ code: "METHOD_NOT_ALLOWED", message: "Method not allowed" });
    }
  });

  it("a trailing slash is another path: 404, not a 405 that allows the method used", async () => {
    const response = await h.request("GET", "/machines/", { token: h.token });
    expect(response.status).toBe(404);
    expect(response.headers.get("allow")).toBeNull();
  });

  it("answers HEAD like GET, without a body", async () => {
    const response = await h.request("HEAD", "/health");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("path parameters", () => {
  const awkward = ["../x", "a/b", "%2F", "..", "a b", "ü?#", "x/../../auth/me"];

  it("are percent-encoded by the SDK and reach the same route, whatever they contain", async () => {
    const notFound = { status: 404, code: "MCH_001" };
    for (const id of ["../x", "a/b", "%2F", "x/../../auth/me", "?q=1", "#frag"]) {
      await expect(h.nest.machines.get({ id }), id).rejects.toMatchObject(notFound);
      await expect(h.nest.machines.update({ id, name: "n" }), id).rejects.toMatchObject(notFound);
      await expect(h.nest.machines.remove({ id }), id).rejects.toMatchObject(notFound);
      await expect(h.nest.machines.regenerateToken({ id }), id).rejects.toMatchObject(notFound);
      await expect(h.nest.machines.environment({ id }), id).rejects.toMatchObject(notFound);
      await expect(h.nest.machines.wake({ id }), id).rejects.toMatchObject(notFound);
    }
  });

  it("reach the handler decoded exactly once", async () => {
    const { user } = await h.nest.auth.me();
    const ids = awkward.filter((id) => id !== "..");
    for (const id of ids) {
      h.server.db.run(
        "INSERT INTO cn_machines (id, user_id, name, platform, hostname, token_hash, created_at) VALUES (?, ?, ?, 'linux', 'h', ?, ?)",
        id,
        user.id,
        `named ${id}`,
        `hash ${id}`,
        "2026-02-02T12:00:00.000Z",
      );
    }
    for (const id of ids)
      await expect(h.nest.machines.get({ id }), id).resolves.toMatchObject({ id, name: `named ${id}` });
    // Unencoded, a slash is a path separator: no machine route matches.
    const raw = await h.request("GET", "/machines/a/b", { token: h.token });
    expect(raw.status).toBe(404);
    expect((await raw.json()).error).toEqual(ROUTER_NOT_FOUND);
    // The SDK refuses "." and "..", which every URL parser resolves as segments.
    await expect(h.nest.machines.get({ id: ".." })).rejects.toThrow(/cannot be/);
  });
});

describe("request bodies", () => {
  it("answers malformed JSON with 400 BAD_REQUEST", async () => {
    for (const [path, token] of [
      ["/machines", h.token],
      ["/auth/login", undefined],
      ["/pairing/initiate", undefined],
    ] as const) {
      const response = await h.request("POST", path, { body: '{"name": "unterminated', token });
      expect(response.status, path).toBe(400);
      expect((await response.json()).error, path).toEqual({
        code: "BAD_REQUEST",
        message: "The request body is not valid JSON",
      });
    }
  });

  it("answers a body that is not JSON with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await h.request("POST", "/auth/login", {
        body: "email=demo@agentlane.dev&password=x",
        headers: { "content-type": type },
      });
      expect(response.status, type).toBe(415);
      expect((await response.json()).error.code, type).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("takes JSON media types with parameters or a +json suffix", async () => {
    for (const type of ["application/json; charset=utf-8", "application/vnd.api+json"]) {
      const response = await h.request("POST", "/machines", {
        token: h.token,
        body: { name: "n", platform: "linux", hostname: "h" },
        headers: { "content-type": type },
      });
      expect(response.status, type).toBe(201);
    }
  });

  it("treats an empty body as an empty object", async () => {
    const response = await h.request("POST", "/auth/login", { body: "" });
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).error.errors)).toEqual(["email", "password"]);
  });

  it("answers a body over bodyLimit with 413, whether or not its length was declared", async () => {
    const small = await startNest({ bodyLimit: 1024 });
    try {
      const name = "n".repeat(2000);
      const declared = await small.request("POST", "/machines", {
        token: small.token,
        body: { name, platform: "linux", hostname: "h" },
      });
      expect(declared.status).toBe(413);
      expect((await declared.json()).error).toEqual({
        code: "PAYLOAD_TOO_LARGE",
        message: "The request body is too large",
      });
      const lying = await small.request("POST", "/machines", {
        token: small.token,
        body: { name, platform: "linux", hostname: "h" },
        headers: { "content-length": "10" },
      });
      expect(lying.status).toBe(413);
      // At the limit is fine (it fails validation: the name is longer than 255).
      const atLimit = JSON.stringify({ name: "", platform: "linux", hostname: "h" }).length;
      const fits = await small.request("POST", "/machines", {
        token: small.token,
        body: { name: "n".repeat(1024 - atLimit), platform: "linux", hostname: "h" },
      });
      expect(fits.status).toBe(422);
      expect(small.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_machines")!.n).toBe(1);
    } finally {
      await small.close();
    }
  });

  it("has a default limit of 1 MiB", async () => {
    const response = await h.request("POST", "/auth/login", {
      body: { email: "demo@agentlane.dev", password: "p".repeat(1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });
});

describe("request ids", () => {
  it("echoes a given X-Request-ID in the header and the envelope, and makes one otherwise", async () => {
    const given = await h.request("GET", "/health", { headers: { "x-request-id": "trace-42" } });
    expect(given.headers.get("x-request-id")).toBe("trace-42");
    expect((await given.json()).meta.request_id).toBe("trace-42");
    const made = await h.request("GET", "/health", { headers: { "x-request-id": "x".repeat(201) } });
    const id = made.headers.get("x-request-id");
    expect(id).toMatch(/^req_[0-9a-f]{20}$/);
    expect((await made.json()).meta.request_id).toBe(id);
  });

  it("the SDK reports the request id of a failure", async () => {
    const failure = h.nest.machines.get({ id: "x" }, { headers: { "x-request-id": "trace-43" } });
    await expect(failure).rejects.toMatchObject({ code: "MCH_001", requestId: "trace-43" });
  });
});

describe("Idempotency-Key", () => {
  const body = { name: "once", platform: "linux", hostname: "once.local" };
  const machines = () => h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_machines")!.n;

  it("replays the first answer of a POST, byte for byte, without running it again", async () => {
    const first = await h.nest.machines.register(body, { idempotencyKey: "key-1" }).withResponse();
    const again = await h.nest.machines.register(body, { idempotencyKey: "key-1" }).withResponse();
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    expect(again.requestId).toBe(first.requestId);
    expect(machines()).toBe(2);
    // Without a key, the same request runs again.
    await h.nest.machines.register(body);
    expect(machines()).toBe(3);
  });

  it("refuses the same key with another body with 422", async () => {
    await h.nest.machines.register(body, { idempotencyKey: "key-2" });
    const reused = h.nest.machines.register({ ...body, name: "other" }, { idempotencyKey: "key-2" });
    await expect(reused).rejects.toMatchObject({
      status: 422,
      code: "VAL_001",
      fieldErrors: { "Idempotency-Key": ["The key was already used with a different request."] },
    });
    expect(machines()).toBe(2);
  });

  it("runs a repeat that arrives while the first is in flight once, and replays it", async () => {
    const send = () =>
      h.request("POST", "/machines", { token: h.token, body, headers: { "idempotency-key": "key-3" } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")]).toContain("true");
    expect(await a.json()).toEqual(await b.json());
    expect(machines()).toBe(2);
  });

  it("keys belong to their caller", async () => {
    const other = await h.signUp("other@example.com");
    const mine = await h.nest.machines.register(body, { idempotencyKey: "shared" });
    const theirs = await other.nest.machines.register(body, { idempotencyKey: "shared" });
    expect(theirs.machine.id).not.toBe(mine.machine.id);
    await expect(other.nest.machines.get({ id: theirs.machine.id })).resolves.toBeDefined();
  });

  it("stores only successes: a failed request may be sent again, fixed, with its key", async () => {
    const invalid = h.request("POST", "/machines", {
      token: h.token,
      body: { name: "" },
      headers: { "idempotency-key": "key-4" },
    });
    expect((await invalid).status).toBe(422);
    await expect(h.nest.machines.register(body, { idempotencyKey: "key-4" })).resolves.toMatchObject({
      machine: { name: "once" },
    });
  });

  it("refuses a key longer than 255 characters with 422, running nothing", async () => {
    const before = machines();
    const response = await h.request("POST", "/machines", {
      token: h.token,
      body,
      headers: { "idempotency-key": "k".repeat(256) },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.errors).toEqual({
      "Idempotency-Key": ["The Idempotency-Key may not be longer than 255 characters."],
    });
    expect(machines()).toBe(before);
    await expect(h.nest.machines.register(body, { idempotencyKey: "k".repeat(255) })).resolves.toBeDefined();
  });

  it("drops keys from the store once they are forgotten", async () => {
    const stored = () => h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM _idempotency")!.n;
    await h.nest.machines.register(body, { idempotencyKey: "old-1" });
    await h.nest.machines.register(body, { idempotencyKey: "old-2" });
    expect(stored()).toBe(2);
    h.server.clock.advance(24 * 60 * 60 * 1000);
    await h.nest.machines.register(body, { idempotencyKey: "new" });
    expect(stored()).toBe(1);
  });

  it("covers PATCH, and a key is forgotten after 24 hours", async () => {
    const { machine } = await h.nest.machines.register(body);
    await h.nest.machines.update({ id: machine.id, name: "patched" }, { idempotencyKey: "key-5" });
    const replay = await h.nest.machines
      .update({ id: machine.id, name: "patched" }, { idempotencyKey: "key-5" })
      .withResponse();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    h.server.clock.advance(24 * 60 * 60 * 1000);
    const fresh = await h.nest.machines
      .update({ id: machine.id, name: "patched later" }, { idempotencyKey: "key-5" })
      .withResponse();
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    expect(fresh.data.name).toBe("patched later");
  });
});
