import { CoordinAItor } from "@agentlane/sdk/coordinaitor";
import { contract } from "@agentlane/sdk/coordinaitor/contract";
import { afterEach, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../server.ts";

let server: LiteServer | undefined;
afterEach(async () => {
  await server?.close();
});

it("alone, it is served at the documented root: /api/v1, /api, /oauth and /api/docs", async () => {
  server = await createServer({ platform: "coordinaitor", seed: true, lite: true });
  const s = server;
  const fetch = (input: Request | URL | string, init?: RequestInit) => s.fetch(new Request(input, init));
  const seed = (await (await s.fetch(new Request("http://localhost:3000/_lite/seed"))).json()) as Record<
    string,
    Record<string, string>
  >;
  expect(seed.coordinaitor).toMatchObject({ email: "admin@orchestrator.com", password: "admin123" });
  const client = new CoordinAItor({ baseUrl: "http://localhost:3000", fetch, validate: { contract }, retry: 0 });
  await client.login({ email: seed.coordinaitor!.email!, password: seed.coordinaitor!.password! });
  await client.tasks.create({ title: "Build user registration", priority: "high" });
  expect((await client.tasks.listExample()).map((t) => t.title)).toEqual(["Build user registration"]);
  const docs = await s.fetch(new Request("http://localhost:3000/api/docs"));
  expect(docs.status).toBe(302);
  expect(docs.headers.get("location")).toBe("/docs");
  const unknown = await s.fetch(new Request("http://localhost:3000/api/v1/nothing"));
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
});

it("sends the document's rate-limit headers, and RATE_LIMIT_ERROR beyond the sign-in limit", async () => {
  server = await createServer({ platform: "coordinaitor", rateLimit: true });
  const response = await server.fetch(new Request("http://localhost:3000/api/v1/system/health"));
  expect(response.headers.get("x-ratelimit-limit")).toBe("1000");
  expect(response.headers.get("x-ratelimit-window")).toBe("3600");
  const s = server;
  const client = new CoordinAItor({
    baseUrl: "http://localhost:3000",
    fetch: (input, init) => s.fetch(new Request(input, init)),
    retry: 0,
  });
  const refusals: string[] = [];
  for (let i = 0; i < 21; i++)
    await client.auth.refreshExample({ refreshToken: "rt_unknown" }).catch((e: unknown) => {
      refusals.push((e as { code?: string }).code ?? "");
    });
  expect(refusals.slice(0, 20)).toEqual(Array(20).fill("AUTHENTICATION_ERROR"));
  expect(refusals[20]).toBe("RATE_LIMIT_ERROR");
});

it("health answers 503 SERVICE_UNAVAILABLE when the database does not answer", async () => {
  server = await createServer({ platform: "coordinaitor" });
  const s = server;
  const client = new CoordinAItor({
    baseUrl: "http://localhost:3000",
    fetch: (input, init) => s.fetch(new Request(input, init)),
    retry: 0,
  });
  expect((await client.system.health()).status).toBe("healthy");
  s.db.close();
  const error = await client.system.health().catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
});
