import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClaudeNest } from "@agentlane/sdk";
import { contract } from "@agentlane/sdk/claudenest/contract";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "./index.ts";
import { DEMO_EMAIL, DEMO_PASSWORD } from "./platforms/claudenest/seed.ts";
import { ORIGIN, START, startNest } from "./platforms/claudenest/testing/test-nest.ts";

const endpoints = Object.entries(contract).flatMap(([resource, group]) =>
  Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec })),
);

const servers: LiteServer[] = [];
async function serve(options: Parameters<typeof createServer>[0] = {}) {
  const server = await createServer(options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const get = (server: LiteServer, path: string, init?: RequestInit) => server.fetch(new Request(ORIGIN + path, init));
const postJson = (server: LiteServer, path: string, body: unknown) =>
  get(server, path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("/_lite/*", () => {
  it("moves the clock and tells the time with lite: true", async () => {
    const h = await startNest({ lite: true });
    try {
      expect(await (await get(h.server, "/_lite/clock")).json()).toEqual({ now: "2026-02-02T12:00:00.000Z" });
      const moved = await postJson(h.server, "/_lite/clock", { advance_ms: 11 * 60_000 });
      expect(await moved.json()).toEqual({ now: "2026-02-02T12:11:00.000Z" });
      expect(h.server.clock.now()).toBe(START + 11 * 60_000);
      expect((await h.nest.health.check()).timestamp).toBe("2026-02-02T12:11:00.000Z");

      expect((await postJson(h.server, "/_lite/clock", { advance_ms: -1 })).status).toBe(422);
      expect((await postJson(h.server, "/_lite/clock", { advance_ms: "soon" })).status).toBe(422);
      const garbled = await get(h.server, "/_lite/clock", { method: "POST", body: "{" });
      expect(garbled.status).toBe(400);
      expect(h.server.clock.now()).toBe(START + 11 * 60_000);
    } finally {
      await h.close();
    }
  });

  it("resets every table with lite: true", async () => {
    const h = await startNest({ lite: true });
    try {
      await h.nest.machines.register({ name: "m", platform: "linux", hostname: "m" });
      const reset = await get(h.server, "/_lite/reset", { method: "POST" });
      expect(await reset.json()).toEqual({ reset: true });
      for (const table of ["cn_users", "cn_tokens", "cn_machines", "_idempotency"])
        expect(h.server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n, table).toBe(0);
      await expect(h.nest.auth.me()).rejects.toMatchObject({ status: 401, code: "AUTH_002" });
      // The server keeps working after a reset, and seed() fills it again.
      const info = await h.server.seed();
      await expect(h.client(info.claudenest!.token).machines.list()).resolves.toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it("is not served without lite: true", async () => {
    const server = await serve();
    expect((await get(server, "/_lite/clock")).status).toBe(404);
    expect((await get(server, "/_lite/clock", { method: "POST", body: "{}" })).status).toBe(404);
    expect((await get(server, "/_lite/reset", { method: "POST" })).status).toBe(404);
  });
});

describe("/openapi.json and /docs", () => {
  it("the OpenAPI document has one operation per contract endpoint, under the platform's base", async () => {
    const server = await serve();
    const response = await get(server, "/openapi.json");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    // Other platforms have their own operations under their own bases.
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/claudenest/"))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations).toHaveLength(endpoints.length);
    expect(operations.sort()).toEqual(
      endpoints.map(({ spec }) => `${spec.method} /claudenest/api${spec.path.replace(/\{(\w+)\+\}/g, "{$1}")}`).sort(),
    );
  });

  it("/docs renders the OpenAPI document with the renderer this server serves itself", async () => {
    const server = await serve();
    const page = await get(server, "/docs");
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script src="/docs/scalar-api-reference.js"></script>');
    expect(html).toContain('"url":"/openapi.json"');
    expect(html).not.toMatch(/src="https?:/);
    const script = await get(server, "/docs/scalar-api-reference.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toContain("createApiReference");
  });

  it("the endpoint overview is HTML that names every endpoint", async () => {
    const server = await serve();
    const response = await get(server, "/docs/endpoints");
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    for (const { id, spec } of endpoints) {
      expect(html, id).toContain(`<code>${id}</code>`);
      expect(html, id).toContain(`<code>/claudenest/api${spec.path}</code>`);
    }
  });
});

describe('platform: "claudenest"', () => {
  it("mounts the API at its documented root, /api", async () => {
    const server = await serve({ platform: "claudenest", seed: true });
    expect(server.bases).toEqual({ claudenest: "/api" });
    const nest = new ClaudeNest({
      baseUrl: `${ORIGIN}/api`,
      fetch: (input, init) => server.fetch(new Request(input, init)),
      token: server.seedInfo.claudenest!.token,
      validate: { contract },
      retry: 0,
    });
    await expect(nest.health.check()).resolves.toMatchObject({ status: "ok" });
    await expect(nest.machines.list()).resolves.toHaveLength(1);
    expect((await get(server, "/claudenest/api/health")).status).toBe(404);

    const unknown = await get(server, "/api/nope");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");

    const doc = (await (await get(server, "/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/machines/{id}");
    expect(Object.keys(doc.paths).every((path) => path.startsWith("/api/"))).toBe(true);
  });
});

describe("SQLite file mode", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "server-lite-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps its data across close and reopen, in WAL mode", async () => {
    const file = join(dir, "nest.db");
    const first = await createServer({ db: file, seed: true });
    const token = first.seedInfo.claudenest!.token!;
    const nest = new ClaudeNest({
      baseUrl: ORIGIN + first.bases.claudenest,
      fetch: (input, init) => first.fetch(new Request(input, init)),
      token,
      retry: 0,
    });
    const { machine } = await nest.machines.register({ name: "persisted", platform: "linux", hostname: "disk" });
    expect(first.db.get<{ journal_mode: string }>("PRAGMA journal_mode")).toEqual({ journal_mode: "wal" });
    await first.close();
    expect(first.db.sqlite.isOpen).toBe(false);

    const second = await serve({ db: file });
    const reopened = new ClaudeNest({
      baseUrl: ORIGIN + second.bases.claudenest,
      fetch: (input, init) => second.fetch(new Request(input, init)),
      token,
      retry: 0,
    });
    await expect(reopened.machines.get({ id: machine.id })).resolves.toMatchObject({ name: "persisted" });
    expect((await reopened.machines.list()).map((m) => m.name)).toEqual(["Demo Workstation", "persisted"]);
    await expect(reopened.auth.login({ email: DEMO_EMAIL, password: DEMO_PASSWORD })).resolves.toMatchObject({
      user: { email: DEMO_EMAIL },
    });
    // Seeding an existing file adds a token, not a second demo user.
    await second.seed();
    expect(second.db.get<{ n: number }>("SELECT count(*) AS n FROM cn_users")!.n).toBe(1);
    expect(second.db.get<{ n: number }>("SELECT count(*) AS n FROM _migrations")!.n).toBeGreaterThan(0);
  });
});

describe("listen()", () => {
  const tcpHandles = () =>
    process.getActiveResourcesInfo().filter((kind) => kind === "TCPServerWrap" || kind === "TCPSocketWrap").length;

  it("serves over a real socket, and close() leaves nothing open", async () => {
    const before = tcpHandles();
    const server = await createServer({ seed: true });
    const url = await server.listen(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(url);
    expect(tcpHandles()).toBeGreaterThan(before);
    await expect(server.listen(0)).rejects.toThrow(/already listening/);

    const response = await fetch(`${url}/claudenest/api/auth/me`, {
      headers: { authorization: `Bearer ${server.seedInfo.claudenest!.token}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.user.email).toBe(DEMO_EMAIL);
    const nest = new ClaudeNest({ baseUrl: `${url}/claudenest/api`, retry: 0 });
    await expect(nest.health.check()).resolves.toMatchObject({ status: "ok" });

    await server.close();
    expect(server.url).toBeUndefined();
    expect(server.db.sqlite.isOpen).toBe(false);
    await expect(fetch(`${url}/claudenest/api/health`)).rejects.toThrow();
    // Sockets the client kept alive are closed with the server; give their close events one turn to land.
    await new Promise((resolve) => setImmediate(resolve));
    expect(tcpHandles()).toBe(before);
    await server.close();
  });
});

describe("cors", () => {
  const preflight = (server: LiteServer) =>
    server.fetch(
      new Request("http://lite.test/claudenest/api/auth/me", {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:5173",
          "access-control-request-method": "GET",
          "access-control-request-headers": "authorization, idempotency-key",
        },
      }),
    );

  it("answers preflights and exposes the headers the SDK reads, when on", async () => {
    const server = await createServer({ cors: true, seed: true });
    try {
      const answer = await preflight(server);
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(answer.headers.get("access-control-allow-headers")).toContain("authorization");
      const me = await server.fetch(
        new Request("http://lite.test/claudenest/api/auth/me", {
          headers: { origin: "http://localhost:5173", authorization: `Bearer ${server.seedInfo.claudenest!.token}` },
        }),
      );
      expect(me.status).toBe(200);
      expect(me.headers.get("access-control-allow-origin")).toBe("*");
      expect(me.headers.get("access-control-expose-headers")).toContain("retry-after");
    } finally {
      await server.close();
    }
  });

  it("admits only the origins listed", async () => {
    const server = await createServer({ cors: ["http://localhost:5173"] });
    try {
      expect((await preflight(server)).headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      const other = await server.fetch(
        new Request("http://lite.test/claudenest/api/health", { headers: { origin: "https://evil.example" } }),
      );
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.close();
    }
  });

  it("is off by default: a preflight is a wrong method", async () => {
    const server = await createServer();
    try {
      const answer = await preflight(server);
      expect(answer.status).toBe(405);
      expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.close();
    }
  });
});
