import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../server.ts";
import { clientFor } from "./testing/harness.ts";

let server: LiteServer;
beforeAll(async () => {
  server = await createServer({ platform: "actus", seed: true, lite: true, cors: true });
});
afterAll(() => server.close());

describe("Actus mounted at /api", () => {
  it("seeds a super_admin that /_lite/seed tells", async () => {
    const seed = (await (await server.fetch(new Request("http://lite.test/_lite/seed"))).json()) as {
      actus: { username: string; email: string; password: string };
    };
    expect(Object.keys(seed.actus).sort()).toEqual(["email", "password", "username"]);
    const actus = clientFor(server);
    const { user } = await actus.auth.signIn({ email: seed.actus.email, password: seed.actus.password });
    expect(user.role).toBe("super_admin");
  });

  it("serves /docs, /redoc and /openapi.json at the root", async () => {
    const openapi = (await (await server.fetch(new Request("http://lite.test/openapi.json"))).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toContain("/api/sessions/{session_id}/chat");
    expect(Object.keys(openapi.paths).length).toBeGreaterThanOrEqual(40);
    for (const path of ["/docs", "/redoc"]) {
      const page = await server.fetch(new Request(`http://lite.test${path}`));
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
    }
  });

  it("answers the web UI's CORS preflight from another localhost port", async () => {
    const preflight = await server.fetch(
      new Request("http://lite.test/api/sessions/abc/chat", {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:3000",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      }),
    );
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBeTruthy();
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });
});
