import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type LiteServer } from "../../index.ts";
import { TOKENS, testAuthorizer } from "./test-support.ts";

const APP = { appKey: "test-key", appSecret: "test-secret" };
const URL_ = "http://lite.test/claudenest/api/broadcasting/auth";
let server: LiteServer;

beforeAll(async () => {
  server = await createServer({ realtime: { ...APP, authorize: testAuthorizer } });
});
afterAll(() => server.close());

function post(body: BodyInit, headers: Record<string, string>) {
  return server.fetch(new Request(URL_, { method: "POST", body, headers }));
}
const form = (token: string | undefined, fields: Record<string, string>) =>
  post(new URLSearchParams(fields), {
    "content-type": "application/x-www-form-urlencoded",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
const sign = (socketId: string, channel: string) =>
  `${APP.appKey}:${createHmac("sha256", APP.appSecret).update(`${socketId}:${channel}`).digest("hex")}`;

describe("POST /broadcasting/auth", () => {
  it("signs socket_id:channel_name for an allowed token, form-encoded or JSON", async () => {
    const res = await form(TOKENS.alice, { socket_id: "123.456", channel_name: "private-user.alice" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ auth: sign("123.456", "private-user.alice") });

    const json = await post(JSON.stringify({ socket_id: "1.2", channel_name: "private-shared" }), {
      "content-type": "application/json",
      authorization: `Bearer ${TOKENS.bob}`,
    });
    expect(await json.json()).toEqual({ auth: sign("1.2", "private-shared") });
  });

  it("answers 401 without a valid token and 403 for another user's channel, in the platform envelope", async () => {
    const anonymous = await form(undefined, { socket_id: "1.2", channel_name: "private-user.alice" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ success: false, error: { code: "AUTH_002" } });

    const other = await form(TOKENS.bob, { socket_id: "1.2", channel_name: "private-user.alice" });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      success: false,
      error: { code: "FORBIDDEN", message: "bob may not read private-user.alice" },
    });
  });

  it("validates the fields with 422", async () => {
    const res = await form(TOKENS.alice, { socket_id: "abc", channel_name: "news" });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: "VAL_001", errors: { socket_id: [expect.any(String)], channel_name: [expect.any(String)] } },
    });
    const missing = await form(TOKENS.alice, {});
    expect(((await missing.json()) as { error: { errors: object } }).error.errors).toHaveProperty("channel_name");
  });

  it("refuses bodies it cannot read with 400 or 415", async () => {
    expect(
      (await post("{", { "content-type": "application/json", authorization: `Bearer ${TOKENS.alice}` })).status,
    ).toBe(400);
    expect((await post("<x/>", { "content-type": "application/xml" })).status).toBe(415);
  });

  it("stops reading a body of undeclared length beyond 16 KB, with 413", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        if (pulled > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
    });
    const init = { method: "POST", body: endless, duplex: "half", headers: { "content-type": "application/json" } };
    const res = await server.fetch(new Request(URL_, init as RequestInit));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ success: false, error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(pulled).toBeLessThan(64 * 1024);
  });

  it("is mounted for a platform's own realtime plug-in without any server option", async () => {
    const plain = await createServer();
    try {
      const res = await plain.fetch(
        new Request(URL_, {
          method: "POST",
          body: new URLSearchParams({ socket_id: "1.2", channel_name: "private-session.x" }),
        }),
      );
      expect(res.status).toBe(401);
      expect(plain.realtime).toEqual({
        claudenest: { appKey: "claudenest", wsPath: "/claudenest", authEndpoint: "/claudenest/api/broadcasting/auth" },
      });
    } finally {
      await plain.close();
    }
  });
});
