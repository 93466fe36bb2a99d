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

/** One document as BM25 reads it: its length in terms and, per query term (in query order), its count. */
export interface Bm25Document {
  /** What the match answers as `index`. */
  index: number;
  length: number;
  /** Counts of the query's terms, by the term's position in the query's distinct terms (0 or absent: none). */
  counts: ArrayLike<number | undefined>;
}

/** What BM25 needs of the whole corpus: its size, its total length, and how many documents hold each query term. */
export interface Bm25Corpus {
  /** Documents in the corpus (including those that hold no query term). */
  total: number;
  /** The sum of every document's length in terms. */
  totalLength: number;
  /** Per query term, by position: the documents that hold it. */
  containing: readonly number[];
}

/**
 * Scores `candidates` (documents that hold a query term) against a corpus described by its counts, as
 * {@link rankBm25} does over texts: the ranking a search index answers from its posting lists without reading
 * every document. Best first; ties in the order of `tieOrder` (ascending `index` unless told).
 * @example
 * rankCandidates({ total: 2, totalLength: 7, containing: [1] }, [{ index: 0, length: 3, counts: [1] }])
 */
export function rankCandidates(
  corpus: Bm25Corpus,
  candidates: Iterable<Bm25Document>,
  options: Bm25Options & { tieOrder?: "ascending" | "descending" } = {},
): Bm25Match[] {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const { total } = corpus;
  const averageLength = corpus.totalLength / total || 1;
  const idf = corpus.containing.map((containing) => Math.log(1 + (total - containing + 0.5) / (containing + 0.5)));
  const reference = idf.reduce((sum, weight) => sum + weight, 0);
  const matches: Bm25Match[] = [];
  for (const document of candidates) {
    let score = 0;
    for (let term = 0; term < idf.length; term++) {
      const tf = document.counts[term];
      if (!tf) continue;
      const norm = 1 - b + (b * document.length) / averageLength;
      score += (idf[term]! * tf * (k1 + 1)) / (tf + k1 * norm);
    }
    if (score > 0) matches.push({ index: document.index, score, similarity: Math.min(1, score / reference) });
  }
  const tie = options.tieOrder === "descending" ? -1 : 1;
  return matches.sort((x, y) => y.score - x.score || tie * (x.index - y.index));
}

/**
 * The documents that share at least one term with the query, best first (ties keep the input order).
 * Documents are tokenized with `terms()`; pass text that includes whatever should be searchable.
 */
export function rankBm25(query: string, documents: readonly string[], options: Bm25Options = {}): Bm25Match[] {
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0 || documents.length === 0) return [];
  const scored = documents.map((text, index) => {
    const list = terms(text);
    const counts = queryTerms.map(() => 0);
    for (const term of list) {
      const position = queryTerms.indexOf(term);
      if (position >= 0) counts[position]!++;
    }
    return { index, length: list.length, counts };
  });
  const corpus: Bm25Corpus = {
    total: documents.length,
    totalLength: scored.reduce((sum, d) => sum + d.length, 0),
    containing: queryTerms.map((_, position) => scored.filter((d) => d.counts[position]! > 0).length),
  };
  return rankCandidates(corpus, scored, options);
}
