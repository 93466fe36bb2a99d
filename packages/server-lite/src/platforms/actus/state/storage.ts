/**
 * @module
 * server-lite's object storage, standing in for MinIO: one bucket (`actus`), objects in the store, presigned GET
 * URLs signed with the server's key and valid until an expiry on the server clock.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { type ActusServices, DEFAULT_BUCKET } from "./services.ts";

/** Where the storage says it listens (for the checks' `endpoint`). */
export const STORAGE_ENDPOINT = "server-lite";

export function bucketExists(bucket: string): boolean {
  return bucket === DEFAULT_BUCKET;
}

/** Stores an object; answers its ETag (the MD5 of its bytes, as S3 computes it for a single part). */
export function putObject(
  services: ActusServices,
  bucket: string,
  name: string,
  content: Uint8Array,
  contentType: string,
): string {
  const etag = createHash("md5").update(content).digest("hex");
  services.db.run(
    "INSERT OR REPLACE INTO act_objects (bucket, name, content, content_type, etag) VALUES (?, ?, ?, ?, ?)",
    bucket,
    name,
    content,
    contentType,
    etag,
  );
  return etag;
}

export function getObject(
  services: ActusServices,
  bucket: string,
  name: string,
): { content: Uint8Array; content_type: string; etag: string } | undefined {
  return services.db.get(
    "SELECT content, content_type, etag FROM act_objects WHERE bucket = ? AND name = ?",
    bucket,
    name,
  );
}

export function removeObject(services: ActusServices, bucket: string, name: string): void {
  services.db.run("DELETE FROM act_objects WHERE bucket = ? AND name = ?", bucket, name);
}

function signature(services: ActusServices, bucket: string, name: string, expires: number): string {
  return createHmac("sha256", services.signingKey).update(`${bucket}\n${name}\n${expires}`).digest("hex");
}

/** A URL that GETs the object without credentials until `expirySeconds` have passed on the server clock. */
export function presign(services: ActusServices, origin: string, bucket: string, name: string, expirySeconds: number) {
  const expires = services.now() + expirySeconds * 1000;
  const url = new URL(
    `${origin}/_storage/${encodeURIComponent(bucket)}/${name.split("/").map(encodeURIComponent).join("/")}`,
  );
  url.searchParams.set("X-Expires", String(expires));
  url.searchParams.set("X-Signature", signature(services, bucket, name, expires));
  return url.href;
}

/** Whether a presigned URL's expiry and signature hold now. */
export function checkPresigned(
  services: ActusServices,
  bucket: string,
  name: string,
  expires: string | undefined,
  given: string | undefined,
): "ok" | "expired" | "invalid" {
  const at = Number(expires);
  if (!given || !Number.isSafeInteger(at)) return "invalid";
  const expected = Buffer.from(signature(services, bucket, name, at));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return "invalid";
  return services.now() < at ? "ok" : "expired";
}
