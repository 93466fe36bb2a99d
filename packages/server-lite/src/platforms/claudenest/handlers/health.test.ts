import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type NestHarness, startNest } from "../testing/test-nest.ts";
import { API_VERSION } from "./health.ts";

describe("health.check (§16)", () => {
  let h: NestHarness;
  beforeEach(async () => {
    h = await startNest();
  });
  afterEach(() => h.close());

  it("answers ok with the API version and the server clock's time, without a token", async () => {
    const { data, status, meta } = await h.client().health.check().withResponse();
    expect(status).toBe(200);
    expect(data).toEqual({ status: "ok", version: API_VERSION, timestamp: "2026-02-02T12:00:00.000Z" });
    expect(meta.requestId).toMatch(/^req_/);
    h.server.clock.advance(90_000);
    expect((await h.client().health.check()).timestamp).toBe("2026-02-02T12:01:30.000Z");
  });

  it("ignores a token it does not need, even an invalid one", async () => {
    await expect(h.client("cn_not-a-token").health.check()).resolves.toMatchObject({ status: "ok" });
  });

  it("answers in the documented envelope", async () => {
    const response = await h.request("GET", "/health");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      success: true,
      data: { status: "ok", version: "1.0.0" },
      meta: { request_id: expect.stringMatching(/^req_/), timestamp: expect.any(String) },
    });
  });
});
