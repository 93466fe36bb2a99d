import { NotFoundError } from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActusWorld, actusWorld, errorOf } from "../testing/harness.ts";

let w: ActusWorld;
beforeAll(async () => {
  w = await actusWorld();
});
afterAll(() => w.server.close());

describe("files", () => {
  it("uploads, describes, downloads a non-ASCII name and deletes", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const info = await w.alice.actus.files.upload({
      file: new File([bytes], "季度 报告 (最终).PDF", { type: "application/pdf" }),
    });
    expect(info).toMatchObject({
      filename: "季度 报告 (最终).PDF",
      extension: "pdf",
      mime_type: "application/pdf",
      size: 5,
    });
    expect(await w.alice.actus.files.get({ file_id: info.id })).toEqual(info);

    const raw = await w.server.fetch(
      new Request(`http://lite.test/api/files/${info.id}/download`, {
        headers: { authorization: `Bearer ${w.alice.token}` },
      }),
    );
    expect(raw.headers.get("content-length")).toBe("5");
    expect(raw.headers.get("content-disposition")).toBe(
      `attachment; filename="__ __ (__).PDF"; filename*=utf-8''${encodeURIComponent("季度 报告 ").replace(/%20/g, "%20")}%28${encodeURIComponent("最终")}%29.PDF`,
    );
    const downloaded = await w.alice.actus.files.download({ file_id: info.id });
    expect(downloaded.filename).toBe("季度 报告 (最终).PDF");
    expect(downloaded.contentType).toBe("application/pdf");
    expect([...downloaded.data]).toEqual([...bytes]);

    await w.alice.actus.files.remove({ file_id: info.id });
    expect(await errorOf(w.alice.actus.files.get({ file_id: info.id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.alice.actus.files.download({ file_id: info.id }))).toBeInstanceOf(NotFoundError);
  });

  it("lets only the owner (and admins) reach a file", async () => {
    const info = await w.alice.actus.files.upload({ file: new File(["mine"], "mine.txt") });
    expect(await errorOf(w.bob.actus.files.get({ file_id: info.id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.bob.actus.files.download({ file_id: info.id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.bob.actus.files.remove({ file_id: info.id }))).toBeInstanceOf(NotFoundError);
    expect((await w.admin.actus.files.get({ file_id: info.id })).id).toBe(info.id);
    expect(new TextDecoder().decode((await w.admin.actus.files.download({ file_id: info.id })).data)).toBe("mine");
    expect(await w.alice.actus.files.get({ file_id: info.id })).toEqual(info);
  });

  it("refuses a download without a token with HTTP 401", async () => {
    const info = await w.alice.actus.files.upload({ file: new File(["x"], "x.txt") });
    const raw = await w.server.fetch(new Request(`http://lite.test/api/files/${info.id}/download`));
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ code: 401 });
  });
});
