import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../../core/errors/index.ts";
import { CoordinAItor } from "./client.ts";
import { coordinaitorEnvelope, pageBlock } from "./envelope.ts";

const login = {
  accessToken: "eyJ.a.b",
  refreshToken: "rt_1",
  expiresIn: 3600,
  user: { id: "user-123", email: "admin@orchestrator.com", name: "Administrator", organizationId: "org-1" },
};

describe("the CoordinAItor envelope", () => {
  it("reads the enveloped answer, and the bare login answer of the Authentication section", () => {
    const headers = new Headers();
    expect(
      coordinaitorEnvelope.decode({ success: true, data: login, meta: { requestId: "req-1" } }, 200, headers),
    ).toEqual({
      ok: true,
      data: login,
      meta: { requestId: "req-1", timestamp: undefined, pagination: undefined },
    });
    expect(coordinaitorEnvelope.decode(login, 200, headers)).toEqual({ ok: true, data: login, meta: {} });
  });

  it("reads errors with details, the real server's `{error: text}`, and anything else", () => {
    const body = {
      success: false,
      error: { code: "VALIDATION_ERROR", message: "Validation failed", details: { title: ["Title is required"] } },
      meta: { requestId: "req-789" },
    };
    expect(coordinaitorEnvelope.decodeError(body, 422, new Headers())).toEqual({
      code: "VALIDATION_ERROR",
      message: "Validation failed",
      details: { title: ["Title is required"] },
      requestId: "req-789",
    });
    expect(coordinaitorEnvelope.decodeError({ error: "Task not found" }, 404, new Headers())).toEqual({
      message: "Task not found",
    });
    expect(coordinaitorEnvelope.decodeError("<html>Bad gateway</html>", 502, new Headers()).message).toContain(
      "Bad gateway",
    );
  });

  it("pages by `pagination.hasNext`, by `links.next` when hasNext is absent, and stops on the last page", () => {
    const decode = (body: object) => {
      const d = coordinaitorEnvelope.decode({ success: true, data: [], ...body }, 200, new Headers());
      if (!d.ok) throw new Error("not ok");
      return coordinaitorEnvelope.nextPage!({ meta: d.meta, data: d.data, query: { status: "active", page: 1 } });
    };
    expect(decode(pageBlock("/api/v1/tasks", {}, 1, 20, 45))).toEqual({ status: "active", page: 2 });
    expect(decode(pageBlock("/api/v1/tasks", {}, 3, 20, 45))).toBeUndefined();
    // The agents example has no hasNext: `pages` decides.
    expect(decode({ pagination: { page: 1, limit: 20, total: 12, pages: 1 } })).toBeUndefined();
    expect(decode({ pagination: { page: 1, limit: 5, total: 12, pages: 3 } })).toEqual({ status: "active", page: 2 });
  });
});

describe("login() and the session", () => {
  it("keeps the tokens of a bare login answer and sends them", async () => {
    const seen: string[] = [];
    const client = new CoordinAItor({
      baseUrl: "http://localhost:3000",
      retry: 0,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("authorization") ?? "-"}`);
        if (request.url.endsWith("/auth/login")) return Response.json(login);
        return Response.json({ success: true, data: [], pagination: { page: 1, limit: 20, total: 0, pages: 1 } });
      },
    });
    const answer = await client.login({ email: "admin@orchestrator.com", password: "admin123" });
    expect(answer.user.id).toBe("user-123");
    expect(client.tokens).toEqual({ accessToken: "eyJ.a.b", refreshToken: "rt_1" });
    await client.tasks.list();
    expect(seen).toEqual(["POST /api/v1/auth/login -", "GET /api/v1/tasks Bearer eyJ.a.b"]);
  });

  it("a client made with an API key sends X-API-Key and has no session to log in to", async () => {
    let header: string | null = null;
    const client = new CoordinAItor({
      baseUrl: "http://localhost:3000",
      apiKey: "ak_123",
      retry: 0,
      fetch: async (input, init) => {
        header = new Request(input, init).headers.get("x-api-key");
        return Response.json(
          { success: false, error: { code: "AUTHENTICATION_ERROR", message: "Invalid" } },
          { status: 401 },
        );
      },
    });
    await expect(client.tasks.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(header).toBe("ak_123");
    await expect(client.login({ email: "a", password: "b" })).rejects.toBeInstanceOf(TypeError);
  });
});
