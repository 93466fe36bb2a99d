/**
 * @module
 * Status module: the health of the services, and the object-storage (MinIO) checks.
 *
 * Choices (the real server decides where the document is silent):
 * - Every status endpoint needs a signed-in user; the storage upload needs a `super_admin`.
 * - `GET /status` checks `database`, `storage` and `sandbox`. When one is in `error` the answer is HTTP 200 with
 *   envelope code 503 (the SDK raises it, `SERVICE_DEGRADED`); its `data` maps each failing service to its details.
 * - server-lite's storage holds one bucket, `actus` (the default); any other bucket does not exist: the ping
 *   says `bucket_exists: false`, the smoke test `ok: false, error: "bucket_not_exists"`, the upload answers
 *   `code=400, msg="bucket_not_exists"` inside HTTP 200.
 * - `presigned_get_url` is fetchable with a plain GET until `expiry_seconds` (1 to 604800, 7 days, as S3 allows)
 *   have passed on the server clock; then it answers 403.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";

/** The zod schema of {@link HealthStatus}. */
export const HealthStatusSchema = z.object({
  service: z.string(),
  status: z.enum(["ok", "error"]),
  details: z.string(),
});
/** `HealthStatus`: one service's health. */
export interface HealthStatus extends z.output<typeof HealthStatusSchema> {}

/** The zod schema of {@link StorageCheck}. */
export const StorageCheckSchema = z.object({
  ok: z.boolean(),
  reachable: z.boolean().optional(),
  endpoint: z.string(),
  secure: z.boolean(),
  bucket: z.string(),
  bucket_exists: z.boolean(),
  object: z.string().optional(),
  uploaded_bytes: z.number().int().optional(),
  downloaded_bytes: z.number().int().optional(),
  match: z.boolean().optional(),
  error: z.string().optional(),
});
/** MinIO ping data, or with `smoke=true` the smoke test's (`object`, bytes, `match`; `error` when it failed). */
export interface StorageCheck extends z.output<typeof StorageCheckSchema> {}

/** The zod schema of {@link StoredObject}. */
export const StoredObjectSchema = z.object({
  bucket: z.string(),
  object: z.string(),
  etag: z.string(),
  version_id: z.string().nullable(),
  filename: z.string(),
  content_type: z.string(),
  size: z.number().int(),
  presigned_get_url: z.string().optional(),
});
/** The upload's answer; `presigned_get_url` only with `presign=true`. */
export interface StoredObject extends z.output<typeof StoredObjectSchema> {}

/** A query flag: `true`/`false` (FastAPI also takes `1`/`0`). */
const Bool = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);

const health = endpoint({
  method: "GET",
  path: "/status",
  section: "Status Module",
  summary: "System health check",
  auth: "user",
  response: named<HealthStatus[]>(z.array(HealthStatusSchema)),
  errors: ["SERVICE_DEGRADED"],
});

const storage = endpoint({
  method: "GET",
  path: "/status/minio",
  section: "Status Module",
  summary: "MinIO health check (smoke=true: put/get/remove self-test)",
  auth: "user",
  query: z.object({ smoke: Bool.optional(), bucket: z.string().min(1).max(63).optional() }),
  response: named<StorageCheck>(StorageCheckSchema),
  errors: ["STORAGE_FAILED"],
});

const storageUpload = endpoint({
  method: "POST",
  path: "/status/minio/upload",
  section: "Status Module",
  summary: "Upload a test file to MinIO (multipart)",
  auth: "admin",
  contentType: "multipart",
  query: z.object({
    bucket: z.string().min(1).max(63).optional(),
    object_name: z.string().max(1024).optional(),
    prefix: z.string().max(512).optional(),
    presign: Bool.optional(),
    expiry_seconds: z.coerce.number<number>().int().min(1).max(604_800).optional(),
  }),
  body: z.object({ file: z.instanceof(Blob) }),
  response: named<StoredObject>(StoredObjectSchema),
  errors: ["BUCKET_NOT_EXISTS", "STORAGE_FAILED"],
});

/** Status endpoints. */
export const status = { health, storage, storageUpload };
