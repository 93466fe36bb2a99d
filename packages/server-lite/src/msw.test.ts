import { ClaudeNest } from "@agentlane/sdk";
import { contract } from "@agentlane/sdk/claudenest/contract";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "./index.ts";
import { toMswHandlers } from "./msw.ts";
import { DEMO_EMAIL } from "./platforms/claudenest/seed.ts";

const API = "https://api.claudenest.test/api";

describe("toMswHandlers", () => {
  let server: LiteServer;
  let network: ReturnType<typeof setupServer>;
  let token: string;
  beforeAll(async () => {
    server = await createServer({ seed: true });
    token = server.seedInfo.claudenest!.token!;
    // Whatever server-lite's handlers leave alone reaches this fallback, never the real network.
    const fallback = http.all("*", () => new Response("not server-lite", { status: 599 }));
    network = setupServer(...toMswHandlers(server, API, "claudenest"), fallback);
    network.listen({ onUnhandledFrame: "error" });
  });
  afterAll(async () => {
    network.close();
    await server.close();
  });

  it("answers plain fetch calls under the platform's root from server-lite", async () => {
    const response = await fetch(`${API}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect((await response.json()).data.user.email).toBe(DEMO_EMAIL);

    const created = await fetch(`${API}/machines`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "through msw", platform: "linux", hostname: "msw.local" }),
    });
    expect(created.status).toBe(201);
    const listed = await fetch(`${API}/machines?search=msw&per_page=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await listed.json();
    expect(body.data.map((m: { name: string }) => m.name)).toEqual(["through msw"]);
    expect(body.meta.pagination).toMatchObject({ per_page: 1, total: 1 });
  });

  it("passes errors through untouched", async () => {
    const response = await fetch(`${API}/machines/a%2Fb`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("MCH_001");
    const wrong = await fetch(`${API}/machines`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
  });

  it("serves the SDK with its default fetch", async () => {
    const nest = new ClaudeNest({ baseUrl: API, token, validate: { contract }, retry: 0 });
    await expect(nest.health.check()).resolves.toMatchObject({ status: "ok" });
    const { machine } = await nest.machines.register({ name: "sdk via msw", platform: "darwin", hostname: "mac" });
    await expect(nest.machines.get({ id: machine.id })).resolves.toEqual(machine);
    await expect(nest.machines.get({ id: "../x" })).rejects.toMatchObject({ status: 404, code: "MCH_001" });
    await expect(new ClaudeNest({ baseUrl: API, retry: 0 }).auth.me()).rejects.toMatchObject({
      status: 401,
      code: "AUTH_002",
    });
  });

  it("leaves other origins and paths outside the root to other handlers", async () => {
    for (const url of ["https://api.claudenest.test/health", "https://other.test/api/health", `${API}x/health`]) {
      const response = await fetch(url);
      expect([response.status, await response.text()], url).toEqual([599, "not server-lite"]);
    }
  });
});

describe("toMswHandlers platform choice", () => {
  it("takes the platform by id, and refuses one that is not mounted", async () => {
    const server = await createServer({ platform: "claudenest" });
    try {
      expect(toMswHandlers(server, API, "claudenest")).toHaveLength(1);
      expect(() => toMswHandlers(server, API, "elsewhere")).toThrow(/platform "elsewhere" is not mounted/);
      expect(() => toMswHandlers({ fetch: server.fetch, bases: {} }, API)).toThrow(/name the one/);
    } finally {
      await server.close();
    }
  });
});
