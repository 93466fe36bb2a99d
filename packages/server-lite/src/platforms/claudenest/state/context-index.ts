/**
 * @module
 * Context search over the index `db/context-index.ts` keeps: the SQL functions its triggers call to turn a chunk
 * into terms, the one-time indexing of a store made before the index, and the query, which reads only the posting
 * lists of the query's terms (and per-project totals) instead of every chunk of the project. It ranks as the
 * search always has (`lib/bm25.ts`: the same terms, BM25 over the project's live chunks, ties newest first).
 */
import type { DatabaseSync } from "node:sqlite";
import { type Bm25Document, type Bm25Match, rankCandidates } from "../../../lib/bm25.ts";
import { terms } from "../../../lib/text-terms.ts";
import type { Database } from "../../../store/database.ts";

/** A chunk's terms as the index counts them: its content, then its files. */
function chunkTerms(content: string, files: string): string[] {
  let names: unknown;
  try {
    names = JSON.parse(files);
  } catch {
    names = [];
  }
  return terms(`${content}\n${Array.isArray(names) ? names.join(" ") : ""}`);
}

/**
 * Registers `cn_chunk_terms` and `cn_chunk_length` on the connection (the index's triggers call them), then indexes
 * the chunks of a store made before the index. Call once per connection, before anything writes a chunk.
 */
export function openContextIndex(db: Database): void {
  // One insert calls both functions on the same chunk: its terms are made once.
  let last: { content: string; files: string; list: string[] } | undefined;
  const termsOf = (content: unknown, files: unknown): string[] => {
    const text = String(content ?? "");
    const names = String(files ?? "[]");
    if (last?.content !== text || last.files !== names)
      last = { content: text, files: names, list: chunkTerms(text, names) };
    return last.list;
  };
  const sqlite: DatabaseSync = db.sqlite;
  sqlite.function("cn_chunk_terms", { deterministic: true }, (content, files) => {
    const counts = new Map<string, number>();
    const list = termsOf(content, files);
    for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
    // Terms are letters and digits only, so each is a JSON string as it stands: no escaping to do.
    const rows: string[] = [];
    for (const [term, count] of counts) rows.push(`["${term}",${count},${list.length}]`);
    return `[${rows.join(",")}]`;
  });
  sqlite.function("cn_chunk_length", { deterministic: true }, (content, files) => termsOf(content, files).length);
  if (!db.get("SELECT 1 FROM cn_context_index_pending")) return;
  db.tx(() => {
    // Re-inserting each chunk's own values fires the index's update trigger for it.
    db.run("DELETE FROM cn_context_terms");
    db.run("DELETE FROM cn_context_lengths");
    db.run("DELETE FROM cn_context_totals");
    db.run("UPDATE cn_context_chunks SET content = content");
    db.run("DELETE FROM cn_context_index_pending");
  });
}

/** Live chunks that match a query, best first, with the project's chunk `seq` as each match's `index`. */
export function searchContext(db: Database, projectId: string, query: string, now: number): Bm25Match[] {
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0) return [];
  const totals = db.get<{ chunks: number; terms: number }>(
    "SELECT chunks, terms FROM cn_context_totals WHERE project_id = ?",
    projectId,
  );
  if (!totals) return [];
  const expired = db.get<{ chunks: number; terms: number }>(
    `SELECT count(*) AS chunks, total(length) AS terms FROM cn_context_lengths
     WHERE project_id = ? AND expires_at IS NOT NULL AND expires_at <= ?`,
    projectId,
    now,
  )!;
  const total = totals.chunks - expired.chunks;
  if (total <= 0) return [];
  const candidates = new Map<number, Bm25Document & { counts: number[] }>();
  const containing = queryTerms.map((term, position) => {
    const postings = db.all<{ seq: number; tf: number; length: number }>(
      `SELECT seq, tf, length FROM cn_context_terms
       WHERE project_id = ? AND term = ? AND (expires_at IS NULL OR expires_at > ?)`,
      projectId,
      term,
      now,
    );
    for (const { seq, tf, length } of postings) {
      let document = candidates.get(seq);
      if (!document) {
        document = { index: seq, length, counts: [] };
        candidates.set(seq, document);
      }
      document.counts[position] = tf;
    }
    return postings.length;
  });
  return rankCandidates({ total, totalLength: totals.terms - expired.terms, containing }, candidates.values(), {
    tieOrder: "descending",
  });
}
