/**
 * @module
 * Uploaded and session files. A user reaches their own files; a `super_admin` every file. Another user's file is
 * 404, as if it did not exist.
 */
import type { FileInfo } from "@agentlane/sdk/actus/contract";
import { Failure } from "../../../core/failure.ts";
import type { ActusCaller } from "../caller.ts";
import type { ActusServices } from "./services.ts";

/** An `act_files` row without its bytes. */
export interface FileRow extends FileInfo {
  user_id: string;
  session_id: string | null;
}

const COLUMNS = "id, user_id, session_id, filename, filepath, key, extension, mime_type, size";

export function fileInfoOf(row: FileRow): FileInfo {
  return {
    id: row.id,
    filename: row.filename,
    filepath: row.filepath,
    key: row.key,
    extension: row.extension,
    mime_type: row.mime_type,
    size: row.size,
  };
}

/** A file the caller may reach, or 404. */
export function reachableFile(services: ActusServices, caller: ActusCaller, id: string): FileRow {
  const row = services.db.get<FileRow>(`SELECT ${COLUMNS} FROM act_files WHERE id = ?`, id);
  if (!row || caller.kind !== "user" || (row.user_id !== caller.userId && !caller.admin))
    throw new Failure("NOT_FOUND", "文件不存在");
  return row;
}

/** The files of a session, oldest first. */
export function sessionFiles(services: ActusServices, sessionId: string): FileInfo[] {
  return services.db
    .all<FileRow>(
      `SELECT ${COLUMNS.split(", ")
        .map((c) => `f.${c}`)
        .join(
          ", ",
        )} FROM act_session_files s JOIN act_files f ON f.id = s.file_id WHERE s.session_id = ? ORDER BY f.created_at, f.rowid`,
      sessionId,
    )
    .map(fileInfoOf);
}

/** A file's bytes. */
export function fileContent(services: ActusServices, id: string): Uint8Array | undefined {
  return services.db.get<{ content: Uint8Array }>("SELECT content FROM act_files WHERE id = ?", id)?.content;
}
