import { setFlagsFromString } from "node:v8";
import { endpoint } from "@agentlane/sdk/contract";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Database } from "../../store/database.ts";
import { Clock } from "../clock.ts";
import { IdempotencyStore, idempotencyMigration } from "../idempotency.ts";
import { mountPlatform } from "../implement.ts";
import type { PlatformDefinition, ServerEnvelope } from "../platform.ts";
import { RevocationBus } from "../realtime.ts";

const contract = {
  files: {
    script: endpoint({ method: "GET", path: "/script", summary: "A script", auth: "none", response: z.string() }),
    json: endpoint({
      method: "GET",
      path: "/json",
      summary: "JSON",
      auth: "none",
      response: z.object({ ok: z.boolean() }),
    }),
  },
};

const envelope: ServerEnvelope = {
  success: (data) => ({ data }),
  failure: (code, message) => ({ code, message }),
  statusOf: () => 400,
  messageOf: (code) => code,
  codes: {
    validation: "V",
    unauthenticated: "U",
    forbidden: "F",
    rateLimited: "R",
    notFound: "N",
    methodNotAllowed: "M",
    badRequest: "B",
    payloadTooLarge: "P",
    unsupportedMediaType: "T",
    internal: "I",
  },
};

/** The context each call of the `json` handler was given. */
const contexts: { baseUrl: string; requestId: string }[] = [];

const platform: PlatformDefinition<typeof contract, object, { key: string }> = {
  id: "files",
  root: "/api",
  title: "Files",
  version: "1",
  contract,
  envelope,
  migrations: [],
  tables: [],
  createServices: () => ({}),
  authRequirements: [],
  authenticate: () => ({ key: "anyone" }),
  handlers: {
    files: {
      script: () =>
        new Response("#!/usr/bin/env bash\necho hi\n", { headers: { "content-type": "text/x-shellscript" } }),
      json: (_input: unknown, context: unknown) => {
        contexts.push(context as { baseUrl: string; requestId: string });
        return { ok: true };
      },
    },
  },
  rateLimits: { groups: {}, authenticated: 100, anonymous: 100, windowMs: 60_000 },
};

function app(): Hono {
  const clock = new Clock();
  const db = new Database(":memory:");
  db.migrate([idempotencyMigration]);
  const hono = new Hono();
  mountPlatform(hono, platform, {
    prefix: "",
    clock,
    rateLimiter: undefined,
    idempotency: new IdempotencyStore(db, clock),
    revocations: new RevocationBus(),
    bodyLimit: 1024,
    services: {},
  });
  return hono;
}

describe("a handler's own Response", () => {
  it("is sent as is, with the request id, instead of the envelope", async () => {
    const response = await app().fetch(new Request("http://x.test/api/script", { headers: { "x-request-id": "r1" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/x-shellscript");
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.text()).toBe("#!/usr/bin/env bash\necho hi\n");
  });

  it("leaves other answers in the envelope", async () => {
    const response = await app().fetch(new Request("http://x.test/api/json"));
    expect(await response.json()).toEqual({ data: { ok: true } });
  });
});

describe("a handler's context", () => {
  it("gives the request id and the mount's URL", async () => {
    contexts.length = 0;
    await app().fetch(new Request("http://x.test/api/json", { headers: { "x-request-id": "r2" } }));
    expect(contexts[0]).toMatchObject({ requestId: "r2", baseUrl: "http://x.test/api" });
  });

  it("is an object of fixed shape, so a request's objects die young", async () => {
    // An object literal with a getter is stored as a dictionary whose accessor V8 allocates in the old generation:
    // the getter's closure, and through it everything the request touched, then survives every young-generation
    // collection until a full one, which made collecting cost a fifth of the server's time.
    setFlagsFromString("--allow-natives-syntax");
    const fixedShape = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
    contexts.length = 0;
    await app().fetch(new Request("http://x.test/api/json"));
    expect(fixedShape(contexts[0]!)).toBe(true);
  });
});
