/**
 * @module
 * File handlers: upload, metadata, delete. The download is `routes/download.ts` (bytes, not JSON).
 */
import { extname } from "node:path";
import { uuid } from "../../../core/ids.ts";
import { signedIn } from "../caller.ts";
import { fileInfoOf, reachableFile } from "../state/files.ts";
import type { ActusHandlers } from "./types.ts";

/** A file name as stored: the last path segment, without control characters, at most 255 characters. */
export function cleanFilename(name: string | undefined): string {
  const last = (name ?? "").split(/[\\/]/).pop() ?? "";
  const printable = [...last]
    .filter((ch) => ch.codePointAt(0)! >= 0x20 && ch !== "\u007f")
    .join("")
    .trim();
  return (printable || "upload.bin").slice(0, 255);
}

export const files: ActusHandlers<"files"> = {
  async upload({ caller, body }, { services }) {
    const userId = signedIn(caller).userId;
    const file = body.file as Blob & { name?: string };
    const filename = cleanFilename(file.name);
    const content = new Uint8Array(await file.arrayBuffer());
    const id = uuid();
    const info = {
      id,
      filename,
      filepath: `/uploads/${id}/${filename}`,
      key: `uploads/${id}`,
      extension: extname(filename).replace(/^\./, "").toLowerCase(),
      mime_type: file.type || "application/octet-stream",
      size: content.length,
    };
    services.db.run(
      "INSERT INTO act_files (id, user_id, session_id, filename, filepath, key, extension, mime_type, size, content, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
      id,
      userId,
      info.filename,
      info.filepath,
      info.key,
      info.extension,
      info.mime_type,
      info.size,
      content,
      services.iso(),
    );
    return info;
  },

  get: ({ caller, params }, { services }) => fileInfoOf(reachableFile(services, caller, params.file_id)),

  remove({ caller, params }, { services }) {
    const file = reachableFile(services, caller, params.file_id);
    services.db.tx(() => {
      services.db.run("DELETE FROM act_session_files WHERE file_id = ?", file.id);
      services.db.run("DELETE FROM act_files WHERE id = ?", file.id);
    });
    return null;
  },
};
