/**
 * @module
 * Status handlers: the services' health and the object-storage checks.
 */
import { randomUUID } from "node:crypto";
import { accessSync, constants } from "node:fs";
import type { HealthStatus } from "@agentlane/sdk/actus/contract";
import { type ActusServices, DEFAULT_BUCKET } from "../state/services.ts";
import { bucketExists, getObject, presign, putObject, removeObject, STORAGE_ENDPOINT } from "../state/storage.ts";
import type { ActusHandlers } from "./types.ts";

function check(services: ActusServices, service: string, probe: () => void): HealthStatus {
  if (services.failing.has(service)) return { service, status: "error", details: `${service} is unavailable` };
  try {
    probe();
    return { service, status: "ok", details: "" };
  } catch (error) {
    return { service, status: "error", details: (error as Error).message };
  }
}

export const status: ActusHandlers<"status"> = {
  health(_, { services, fail }) {
    const statuses = [
      check(services, "database", () => services.db.get("SELECT 1")),
      check(services, "storage", () => {
        if (!bucketExists(DEFAULT_BUCKET)) throw new Error("bucket missing");
      }),
      check(services, "sandbox", () => accessSync(services.sandboxRoot, constants.W_OK)),
    ];
    const failing = statuses.filter((s) => s.status === "error");
    if (failing.length > 0)
      return fail("SERVICE_DEGRADED", undefined, Object.fromEntries(failing.map((s) => [s.service, [s.details]])));
    return statuses;
  },

  storage({ query }, { services, fail }) {
    const bucket = query.bucket ?? DEFAULT_BUCKET;
    if (services.failing.has("storage"))
      return fail("STORAGE_FAILED", undefined, { error: ["storage is unavailable"] });
    const exists = bucketExists(bucket);
    const base = { endpoint: STORAGE_ENDPOINT, secure: false, bucket, bucket_exists: exists };
    if (!query.smoke) return { ok: exists, reachable: true, ...base };
    if (!exists) return { ok: false, ...base, error: "bucket_not_exists" };
    const object = `healthcheck/${randomUUID()}.txt`;
    const content = new TextEncoder().encode(`actus smoke test ${services.iso()}`);
    putObject(services, bucket, object, content, "text/plain");
    const read = getObject(services, bucket, object);
    removeObject(services, bucket, object);
    const match = read !== undefined && Buffer.from(read.content).equals(Buffer.from(content));
    return {
      ok: match,
      ...base,
      object,
      uploaded_bytes: content.length,
      downloaded_bytes: read?.content.length ?? 0,
      match,
    };
  },

  async storageUpload({ query, body }, { services, fail, baseUrl }) {
    const bucket = query.bucket ?? DEFAULT_BUCKET;
    const file = body.file as Blob & { name?: string };
    const filename = (file.name ?? "upload.bin").split(/[\\/]/).pop() || "upload.bin";
    let object = (query.object_name ?? "").trim().replace(/\\/g, "/").replace(/^\/+/, "");
    if (!object) {
      const prefix = (query.prefix ?? "uploads")
        .trim()
        .replace(/\\/g, "/")
        .replace(/^\/+|\/+$/g, "");
      const stamp = services
        .iso()
        .replace(/[-:]/g, "")
        .replace(/\.\d+Z$/, "Z");
      const name = `${stamp}-${randomUUID().replaceAll("-", "")}-${filename}`;
      object = prefix ? `${prefix}/${name}` : name;
    }
    if (object.split("/").some((part) => part === ".." || part === "."))
      return fail("BAD_REQUEST", "invalid object_name");
    if (!bucketExists(bucket)) return fail("BUCKET_NOT_EXISTS", undefined, { bucket: [bucket], object: [object] });
    const content = new Uint8Array(await file.arrayBuffer());
    const contentType = file.type || "application/octet-stream";
    const etag = putObject(services, bucket, object, content, contentType);
    const origin = new URL(baseUrl).origin + new URL(baseUrl).pathname.replace(/\/api$/, "");
    return {
      bucket,
      object,
      etag,
      version_id: null,
      filename,
      content_type: contentType,
      size: content.length,
      ...(query.presign === false
        ? {}
        : { presigned_get_url: presign(services, origin, bucket, object, query.expiry_seconds ?? 3600) }),
    };
  },
};
