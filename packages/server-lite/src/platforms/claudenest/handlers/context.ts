/**
 * @module
 * §8 Context (RAG). Choices are documented in the SDK's `contract/context.ts`.
 */
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import { summarize } from "../../../lib/summarize.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { type ChunkRow, LIVE_CHUNK, projectContext, toChunk } from "../state/context.ts";
import { searchContext } from "../state/context-index.ts";
import { estimateTokens, logActivity, ownProject, type ProjectRow, touchInstance } from "../state/projects.ts";

const DEFAULT_QUERY_LIMIT = 10;
const DEFAULT_PER_PAGE = 20;
/** How many of the newest live chunks a summary reads. */
const SUMMARY_SOURCE_CHUNKS = 50;
const SUMMARY_MAX_CHARS = 1500;
const SUMMARY_IMPORTANCE = 0.8;
/** The importance of a chunk that states none. */
export const DEFAULT_IMPORTANCE = 0.5;
const MAX_CHUNK_FILES = 200;

const CONTEXT_FIELDS = ["summary", "architecture", "conventions", "current_focus", "recent_changes"] as const;

/** Stores a chunk and answers it as stored. */
export function insertChunk(
  services: NestServices,
  chunk: Omit<ChunkRow, "seq" | "files"> & { files: readonly string[] },
): ChunkRow {
  services.db.run(
    `INSERT INTO cn_context_chunks (id, project_id, content, type, instance_id, task_id, files, importance_score, expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    chunk.id,
    chunk.project_id,
    chunk.content,
    chunk.type,
    chunk.instance_id,
    chunk.task_id,
    JSON.stringify(chunk.files),
    chunk.importance_score,
    chunk.expires_at,
    chunk.created_at,
  );
  return services.db.get<ChunkRow>("SELECT * FROM cn_context_chunks WHERE id = ?", chunk.id)!;
}

/** The project's live chunks, with `extra` SQL (order, filters) after the liveness condition. */
export function liveChunks(services: NestServices, project: ProjectRow, extra = "", ...args: unknown[]): ChunkRow[] {
  return services.db.all<ChunkRow>(
    `SELECT * FROM cn_context_chunks WHERE project_id = ? AND ${LIVE_CHUNK} ${extra}`,
    project.id,
    services.now(),
    ...args,
  );
}

export const context: Omit<NestHandlers<"context">, "queryChunks" | "batch"> = {
  get: ({ caller, params }, { services }) => projectContext(services, ownProject(services, caller, params.project)),

  update({ caller, params, body }, { services }) {
    const row = ownProject(services, caller, params.project);
    const changed = CONTEXT_FIELDS.filter((field) => body[field] !== undefined);
    const value = (field: (typeof CONTEXT_FIELDS)[number]) => (body[field] === undefined ? row[field] : body[field]);
    services.db.tx(() => {
      services.db.run(
        `UPDATE cn_projects SET summary = ?, architecture = ?, conventions = ?, current_focus = ?, recent_changes = ?,
         updated_at = ? WHERE id = ?`,
        value("summary"),
        value("architecture"),
        value("conventions"),
        value("current_focus"),
        value("recent_changes"),
        services.clock.iso(),
        row.id,
      );
      logActivity(services, row.id, null, "context_updated", { fields: changed });
    });
    return projectContext(services, ownProject(services, caller, row.id));
  },

  query({ caller, params, body }, { services }) {
    const row = ownProject(services, caller, params.project);
    // Ranked from the index; equal scores rank the newest chunk first.
    const minimum = body.min_similarity ?? 0;
    const matches = searchContext(services.db, row.id, body.query, services.now())
      .map((m) => ({ seq: m.index, similarity: Math.round(m.similarity * 10_000) / 10_000 }))
      .filter((m) => m.similarity >= minimum);
    const shown = matches.slice(0, body.limit ?? DEFAULT_QUERY_LIMIT);
    const rows = new Map(
      services.db
        .all<ChunkRow>(
          `SELECT * FROM cn_context_chunks WHERE seq IN (SELECT value FROM json_each(?))`,
          JSON.stringify(shown.map((m) => m.seq)),
        )
        .map((chunk) => [chunk.seq, chunk]),
    );
    return {
      query: body.query,
      results: shown.map(({ seq, similarity }) => {
        const { id, content, type, files, created_at } = toChunk(services, rows.get(seq)!);
        return { id, content, type, similarity, files, created_at };
      }),
      total_results: matches.length,
      search_method: "bm25",
    };
  },

  summarize({ caller, params }, { services }) {
    const row = ownProject(services, caller, params.project);
    const recent = liveChunks(
      services,
      row,
      "AND type <> 'summary' ORDER BY seq DESC LIMIT ?",
      SUMMARY_SOURCE_CHUNKS,
    ).reverse();
    const result = summarize(
      recent.map((c) => ({ text: c.content, importance: c.importance_score })),
      { maxChars: SUMMARY_MAX_CHARS },
    );
    const tokensUsed = recent.reduce((sum, c) => sum + estimateTokens(c.content), 0);
    if (result.text === "") return { summary: "", chunks_processed: recent.length, tokens_used: tokensUsed };
    const files = [...new Set(recent.flatMap((c) => JSON.parse(c.files) as string[]))].sort().slice(0, MAX_CHUNK_FILES);
    services.db.tx(() => {
      const chunk = insertChunk(services, {
        id: uuid(),
        project_id: row.id,
        content: result.text,
        type: "summary",
        instance_id: null,
        task_id: null,
        files,
        importance_score: SUMMARY_IMPORTANCE,
        expires_at: null,
        created_at: services.clock.iso(),
      });
      logActivity(services, row.id, null, "context_summarized", {
        chunk_id: chunk.id,
        chunks_processed: recent.length,
        sentences_kept: result.kept,
      });
    });
    return { summary: result.text, chunks_processed: recent.length, tokens_used: tokensUsed };
  },

  listChunks({ caller, params, query }, { services }) {
    const row = ownProject(services, caller, params.project);
    const where = ["project_id = ?", LIVE_CHUNK];
    const args: unknown[] = [row.id, services.now()];
    if (query.type) {
      where.push("type = ?");
      args.push(query.type);
    }
    if (query.instance_id) {
      where.push("instance_id = ?");
      args.push(query.instance_id);
    }
    const { rows, ...page } = services.db.page<ChunkRow>({
      columns: "*",
      from: "cn_context_chunks",
      where: where.join(" AND "),
      args,
      orderBy: "seq DESC",
      page: query.page ?? 1,
      perPage: query.per_page ?? DEFAULT_PER_PAGE,
    });
    return { items: rows.map((r) => toChunk(services, r)), ...page };
  },

  addChunk({ caller, params, body }, { services }) {
    const row = ownProject(services, caller, params.project);
    const now = services.now();
    const expiresAt = body.expires_at === undefined ? null : Date.parse(body.expires_at);
    if (expiresAt !== null && expiresAt <= now) {
      throw new Failure("VAL_001", undefined, { expires_at: ["The expires at must be a date in the future."] });
    }
    if (
      body.task_id !== undefined &&
      !services.db.get("SELECT 1 FROM cn_tasks WHERE id = ? AND project_id = ?", body.task_id, row.id)
    ) {
      throw new Failure("VAL_001", undefined, { task_id: ["The selected task id is not a task of this project."] });
    }
    const chunk = services.db.tx(() => {
      if (body.instance_id !== undefined) touchInstance(services, row.id, body.instance_id);
      return insertChunk(services, {
        id: uuid(),
        project_id: row.id,
        content: body.content,
        type: body.type,
        instance_id: body.instance_id ?? null,
        task_id: body.task_id ?? null,
        files: body.files ?? [],
        importance_score: body.importance_score ?? DEFAULT_IMPORTANCE,
        expires_at: expiresAt,
        created_at: services.clock.iso(now),
      });
    });
    return toChunk(services, chunk);
  },

  removeChunk({ caller, params }, { services }) {
    const row = ownProject(services, caller, params.project);
    const { changes } = services.db.run(
      `DELETE FROM cn_context_chunks WHERE id = ? AND project_id = ? AND ${LIVE_CHUNK}`,
      params.chunkId,
      row.id,
      services.now(),
    );
    if (changes === 0) throw new Failure("CTX_001");
    return null;
  },
};
