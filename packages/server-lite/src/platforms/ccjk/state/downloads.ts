/**
 * @module
 * Download counts of catalog entries (skills, MCP services, plugins): the catalog's own figure plus what this
 * server counted.
 */
import type { Database } from "../../../store/database.ts";

/** What is counted. */
export type DownloadKind = "skill" | "mcp" | "plugin";

/** Counts one more download. */
export function countDownload(db: Database, kind: DownloadKind, id: string): void {
  db.run(
    "INSERT INTO ccjk_downloads (kind, id, count) VALUES (?, ?, 1) ON CONFLICT (kind, id) DO UPDATE SET count = count + 1",
    kind,
    id,
  );
}

/** Downloads counted by this server, by id. */
export function downloadCounts(db: Database, kind: DownloadKind): Map<string, number> {
  return new Map(
    db
      .all<{ id: string; count: number }>("SELECT id, count FROM ccjk_downloads WHERE kind = ?", kind)
      .map((r) => [r.id, r.count]),
  );
}
