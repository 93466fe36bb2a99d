import { APIError, InternalServerError, PermissionDeniedError } from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActusWorld, actusWorld, errorOf } from "../testing/harness.ts";

let w: ActusWorld;
beforeAll(async () => {
  w = await actusWorld();
});
afterAll(() => w.server.close());

describe("status", () => {
  it("reports every service ok", async () => {
    const statuses = await w.alice.actus.status.health();
    expect(statuses.map((s) => [s.service, s.status])).toEqual([
      ["database", "ok"],
      ["storage", "ok"],
      ["sandbox", "ok"],
    ]);
  });

  it("answers code 503 inside HTTP 200 when a service fails, and the SDK raises it", async () => {
    w.services.failing.add("storage");
    try {
      const raw = await w.server.fetch(
        new Request("http://lite.test/api/status", { headers: { authorization: `Bearer ${w.alice.token}` } }),
      );
      expect(raw.status).toBe(200);
      expect(await raw.json()).toMatchObject({ code: 503, data: { storage: "storage is unavailable" } });
      const error = await errorOf(w.alice.actus.status.health());
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status: 503, httpStatus: 200, code: "503" });
      const broken = await errorOf(w.alice.actus.status.storage());
      expect(broken).toBeInstanceOf(InternalServerError);
      expect(broken.httpStatus).toBe(200);
    } finally {
      w.services.failing.delete("storage");
    }
  });

  it("pings and smoke-tests the bucket; a missing bucket says so", async () => {
    expect(await w.alice.actus.status.storage()).toMatchObject({
      ok: true,
      reachable: true,
      bucket: "actus",
      bucket_exists: true,
    });
    const smoke = await w.alice.actus.status.storage({ smoke: true });
    expect(smoke).toMatchObject({ ok: true, match: true, uploaded_bytes: smoke.downloaded_bytes });
    expect(await w.alice.actus.status.storage({ smoke: true, bucket: "nope" })).toMatchObject({
      ok: false,
      bucket_exists: false,
      error: "bucket_not_exists",
    });
  });

  it("uploads with a presigned GET URL that expires on the server clock", async () => {
    const stored = await w.admin.actus.status.storageUpload({
      file: new File(["héllo"], "报告.txt", { type: "text/plain" }),
      prefix: "tests",
      expiry_seconds: 60,
    });
    expect(stored).toMatchObject({ bucket: "actus", filename: "报告.txt", size: 6, content_type: "text/plain" });
    expect(stored.object).toMatch(/^tests\/\d{8}T\d{6}Z-[0-9a-f]{32}-报告\.txt$/);
    const get = await w.server.fetch(new Request(stored.presigned_get_url!));
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("héllo");
    w.server.clock.advance(61_000);
    expect((await w.server.fetch(new Request(stored.presigned_get_url!))).status).toBe(403);
    const tampered = stored.presigned_get_url!.replace(/X-Signature=[0-9a-f]/, "X-Signature=0");
    expect((await w.server.fetch(new Request(tampered))).status).toBe(403);
  });

  it("names the object, skips the URL without presign, and refuses a missing bucket inside HTTP 200", async () => {
    const named = await w.admin.actus.status.storageUpload({
      file: new File(["x"], "x.bin"),
      object_name: "/fixed/name.bin",
      presign: false,
    });
    expect(named.object).toBe("fixed/name.bin");
    expect(named.presigned_get_url).toBeUndefined();
    const missing = await errorOf(
      w.admin.actus.status.storageUpload({ file: new File(["x"], "x.bin"), bucket: "other" }),
    );
    expect(missing).toMatchObject({ status: 400, httpStatus: 200, code: "400" });
    expect(missing.message).toContain("bucket_not_exists");
    expect(await errorOf(w.alice.actus.status.storageUpload({ file: new File(["x"], "x.bin") }))).toBeInstanceOf(
      PermissionDeniedError,
    );
  });
});
