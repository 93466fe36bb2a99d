/**
 * @module
 * The search index of context chunks, kept by triggers on `cn_context_chunks` so that every write keeps it true
 * (the handlers, a snapshot restore, a reset, a project's deletion cascading to its chunks, rows inserted straight
 * into the store): per project and term, the live chunks holding the term with its count (`cn_context_terms`, the
 * posting lists BM25 reads), each chunk's length in terms (`cn_context_lengths`) and per project the number of
 * chunks and of terms (`cn_context_totals`), from which the average length comes without reading every chunk.
 * Expiry needs no write: postings and lengths carry the chunk's `expires_at`, and a query leaves out what has
 * expired, as it leaves out expired chunks.
 *
 * Terms are the search's own (`lib/text-terms.ts`: stop words, camelCase, stemming), made in JavaScript by the
 * SQL functions `cn_chunk_terms(content, files)` (a JSON array of `[term, count, the chunk's length]`, one call per
 * chunk) and `cn_chunk_length(content,
 * files)`, which `state/context-index.ts` registers on the connection before anything is written. The tables are
 * derived data: they are not part of a snapshot (restoring the chunks rebuilds them).
 */

/** A chunk (`row` is `new` or `old`) entered into the index. */
const indexChunk = (row: "new" | "old") => `
  INSERT INTO cn_context_terms (project_id, term, seq, tf, length, expires_at)
    SELECT ${row}.project_id, json_extract(value, '$[0]'), ${row}.seq, json_extract(value, '$[1]'),
      json_extract(value, '$[2]'), ${row}.expires_at
    FROM json_each(cn_chunk_terms(${row}.content, ${row}.files));
  INSERT INTO cn_context_lengths (seq, project_id, length, expires_at)
    VALUES (${row}.seq, ${row}.project_id, cn_chunk_length(${row}.content, ${row}.files), ${row}.expires_at);
  INSERT INTO cn_context_totals (project_id, chunks, terms)
    VALUES (${row}.project_id, 1, cn_chunk_length(${row}.content, ${row}.files))
    ON CONFLICT (project_id) DO UPDATE SET chunks = chunks + 1, terms = terms + excluded.terms;`;

/** A chunk taken out of the index. */
const unindexChunk = (row: "new" | "old") => `
  DELETE FROM cn_context_terms WHERE project_id = ${row}.project_id AND seq = ${row}.seq
    AND term IN (SELECT json_extract(value, '$[0]') FROM json_each(cn_chunk_terms(${row}.content, ${row}.files)));
  UPDATE cn_context_totals SET chunks = chunks - 1,
    terms = terms - (SELECT length FROM cn_context_lengths WHERE seq = ${row}.seq)
    WHERE project_id = ${row}.project_id AND EXISTS (SELECT 1 FROM cn_context_lengths WHERE seq = ${row}.seq);
  DELETE FROM cn_context_lengths WHERE seq = ${row}.seq;`;

export const contextIndexMigration = {
  id: "claudenest-070-context-index",
  sql: `
CREATE TABLE cn_context_terms (
  project_id TEXT NOT NULL,
  term TEXT NOT NULL,
  seq INTEGER NOT NULL,
  tf INTEGER NOT NULL,
  length INTEGER NOT NULL,
  expires_at INTEGER,
  PRIMARY KEY (project_id, term, seq)
) WITHOUT ROWID;
CREATE TABLE cn_context_lengths (
  seq INTEGER PRIMARY KEY,
  project_id TEXT NOT NULL,
  length INTEGER NOT NULL,
  expires_at INTEGER
);
CREATE INDEX cn_context_lengths_expiry ON cn_context_lengths(project_id, expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE cn_context_totals (
  project_id TEXT PRIMARY KEY,
  chunks INTEGER NOT NULL,
  terms INTEGER NOT NULL
);
CREATE TABLE cn_context_index_pending (rebuild INTEGER NOT NULL);
-- A store made before the index: its chunks are indexed when the server next starts (the functions the
-- triggers call exist only then).
INSERT INTO cn_context_index_pending SELECT 1 WHERE EXISTS (SELECT 1 FROM cn_context_chunks);
CREATE TRIGGER cn_context_chunks_indexed AFTER INSERT ON cn_context_chunks BEGIN${indexChunk("new")}
END;
CREATE TRIGGER cn_context_chunks_unindexed AFTER DELETE ON cn_context_chunks BEGIN${unindexChunk("old")}
END;
CREATE TRIGGER cn_context_chunks_reindexed
AFTER UPDATE OF project_id, content, files, expires_at ON cn_context_chunks BEGIN${unindexChunk("old")}${indexChunk("new")}
END;
CREATE TRIGGER cn_context_project_gone AFTER DELETE ON cn_projects BEGIN
  DELETE FROM cn_context_totals WHERE project_id = old.id;
END;
`,
};
