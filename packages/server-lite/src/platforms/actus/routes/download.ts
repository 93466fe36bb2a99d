/**
 * @module
 * The routes that answer bytes rather than JSON: a file's download (owner or admin, with an RFC 5987
 * `Content-Disposition` so non-ASCII names survive) and presigned storage GETs (no credentials; the signature
 * and the expiry on the server clock decide).
 */
import type { Context, Hono } from "hono";
import { Failure } from "../../../core/failure.ts";
import { callerOfToken } from "../caller.ts";
import { fileContent, reachableFile } from "../state/files.ts";
import type { ActusServices } from "../state/services.ts";
import { checkPresigned, getObject } from "../state/storage.ts";

/** `attachment; filename="<ascii fallback>"; filename*=utf-8''<percent-encoded>` (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=utf-8''${encoded}`;
}

export function downloadRoutes(
  app: Hono,
  base: string,
  services: ActusServices,
  fail: (c: Context, failure: Failure) => Response,
): void {
  app.get(`${base}/files/:file_id/download`, (c) => {
    try {
      const header = c.req.header("authorization");
      const token = header?.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : undefined;
      const caller = callerOfToken(services, token);
      const file = reachableFile(services, caller, c.req.param("file_id"));
      const content = fileContent(services, file.id) ?? new Uint8Array();
      return new Response(content as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          "content-type": file.mime_type,
          "content-length": String(content.length),
          "content-disposition": contentDisposition(file.filename),
        },
      });
    } catch (error) {
      if (error instanceof Failure) return fail(c, error);
      throw error;
    }
  });

  const prefix = base.replace(/\/api$/, "");
  app.get(`${prefix}/_storage/:bucket/:name{.+}`, (c) => {
    const bucket = c.req.param("bucket");
    const name = c.req.param("name");
    const verdict = checkPresigned(services, bucket, name, c.req.query("X-Expires"), c.req.query("X-Signature"));
    if (verdict !== "ok") return c.text(verdict === "expired" ? "Request has expired" : "SignatureDoesNotMatch", 403);
    const object = getObject(services, bucket, name);
    if (!object) return c.text("NoSuchKey", 404);
    return new Response(object.content as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": object.content_type,
        "content-length": String(object.content.length),
        etag: `"${object.etag}"`,
      },
    });
  });
}
