/**
 * @module
 * Okapi BM25 relevance of documents to a query, with a similarity in 0..1.
 *
 * Why it exists: a platform's context search ranks its stored chunks without an embedding model or an
 * external service; it knows nothing of any platform, so every platform's search can use it.
 *
 * idf(t) = ln(1 + (N - n(t) + 0.5) / (n(t) + 0.5)) (never negative), and a document's score is the sum over the
 * query's distinct terms of idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLength)).
 *
 * The similarity divides the score by the score of a document of average length holding each query term once,
 * which is the sum of the query terms' idf, and caps it at 1. Unlike dividing by the top score, it does not
 * call the best of several poor matches a perfect one: a document with half the query's weight scores about 0.5
 * whatever else the corpus holds.
 */
import { terms } from "./text-terms.ts";

export interface Bm25Options {
  /** Term-frequency saturation. @default 1.2 */
  k1?: number;
  /** Length normalization. @default 0.75 */
  b?: number;
}

export interface Bm25Match {
  /** Index of the document in the input. */
  index: number;
  score: number;
  /** 0..1, see the module comment. */
  similarity: number;
}

/**
 * The documents that share at least one term with the query, best first (ties keep the input order).
 * Documents are tokenized with `terms()`; pass text that includes whatever should be searchable.
 */
export function rankBm25(query: string, documents: readonly string[], options: Bm25Options = {}): Bm25Match[] {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0 || documents.length === 0) return [];

  const frequencies = documents.map((text) => {
    const counts = new Map<string, number>();
    const list = terms(text);
    for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
    return { counts, length: list.length };
  });
  const total = documents.length;
  const averageLength = frequencies.reduce((sum, d) => sum + d.length, 0) / total || 1;
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const containing = frequencies.filter((d) => d.counts.has(term)).length;
    idf.set(term, Math.log(1 + (total - containing + 0.5) / (containing + 0.5)));
  }
  const reference = queryTerms.reduce((sum, term) => sum + idf.get(term)!, 0);

  const matches: Bm25Match[] = [];
  frequencies.forEach((document, index) => {
    let score = 0;
    for (const term of queryTerms) {
      const tf = document.counts.get(term);
      if (!tf) continue;
      const norm = 1 - b + (b * document.length) / averageLength;
      score += (idf.get(term)! * tf * (k1 + 1)) / (tf + k1 * norm);
    }
    if (score > 0) matches.push({ index, score, similarity: Math.min(1, score / reference) });
  });
  return matches.sort((x, y) => y.score - x.score || x.index - y.index);
}
