/**
 * @module
 * File module: multipart upload, metadata, delete. A user reaches only their own files; a `super_admin` any.
 * Another user's file is 404, as if it did not exist (no one learns which ids exist).
 *
 * The download (`GET /files/{file_id}/download`) streams the bytes with `Content-Disposition: attachment;
 * filename*=utf-8''<encoded>` (RFC 5987, so non-ASCII names survive) and `Content-Length`; it is not JSON, so it
 * is outside the contract and the SDK's `files.download()` helper reads it.
 *
 * Choices: `filepath` is where the file sits in storage (`/uploads/<id>/<filename>`), `key` its storage key,
 * `extension` the name's extension without the dot (`""` when none), `mime_type` what the upload said
 * (else `application/octet-stream`). Uploads are limited by the server's body limit (1 MiB by default).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing } from "./common.ts";
import { entity, fileInfoExample } from "./examples.ts";

/** The zod schema of {@link FileInfo}. */
export const FileInfoSchema = entity(
  z.object({
    id: Id,
    filename: z.string(),
    filepath: z.string(),
    key: z.string(),
    extension: z.string(),
    mime_type: z.string(),
    size: z.number().int(),
  }),
  { name: "FileInfo", example: fileInfoExample },
);
/** `FileInfo`. */
export interface FileInfo extends z.output<typeof FileInfoSchema> {}

const upload = endpoint({
  method: "POST",
  path: "/files",
  section: "File Module",
  summary: "Upload a file (multipart)",
  auth: "user",
  contentType: "multipart",
  body: z.object({ file: z.instanceof(Blob) }),
  response: named<FileInfo>(FileInfoSchema),
});

const get = endpoint({
  method: "GET",
  path: "/files/{file_id}",
  section: "File Module",
  summary: "File metadata",
  auth: "user",
  params: z.object({ file_id: Id }),
  response: named<FileInfo>(FileInfoSchema),
  errors: ["NOT_FOUND"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/files/{file_id}",
  section: "File Module",
  summary: "Delete a file",
  auth: "user",
  params: z.object({ file_id: Id }),
  response: Nothing,
  errors: ["NOT_FOUND"],
});

/** File endpoints (the download is the `files.download()` helper). */
export const files = { upload, get, remove };
