/**
 * @module
 * Extractive summary of a few texts, without a model: the sentences that carry the most frequent terms of the
 * whole input, weighted by the importance of the text they come from, kept in their original order as a bullet
 * list within a size budget.
 *
 * Why it exists: a platform can summarize stored context without a model or an external service; it knows
 * nothing of any platform, so every platform can use it.
 *
 * A sentence's weight is the sum of its distinct terms' frequencies (relative to the most frequent term) divided
 * by the square root of its number of distinct terms, so that long sentences do not win by length alone, times
 * (0.5 + importance). Sentences are taken best first while they fit; one that repeats most of an already chosen
 * sentence's terms (Jaccard 0.8 or more) is skipped.
 */
import { terms } from "./text-terms.ts";

export interface SummarySource {
  text: string;
  /** 0..1 */
  importance: number;
}

export interface SummaryOptions {
  /** Most characters of the summary. @default 1500 */
  maxChars?: number;
}

export interface Summary {
  /** `- sentence` lines, or `""` when the input has no words. */
  text: string;
  /** How many sentences were kept. */
  kept: number;
  /** How many sentences the input had. */
  considered: number;
}

interface Sentence {
  order: number;
  text: string;
  terms: Set<string>;
  weight: number;
}

const DUPLICATE_OVERLAP = 0.8;
const BULLET = "- ";

/** Sentences of a text: split at line breaks and after `.`, `!` or `?` followed by a space; bullets dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter((s) => s.length > 0);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

export function summarize(sources: readonly SummarySource[], options: SummaryOptions = {}): Summary {
  const maxChars = options.maxChars ?? 1500;
  const all: Sentence[] = [];
  const frequency = new Map<string, number>();
  for (const source of sources) {
    for (const text of sentences(source.text)) {
      const list = terms(text);
      if (list.length === 0) continue;
      for (const term of list) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      all.push({ order: all.length, text, terms: new Set(list), weight: 0.5 + source.importance });
    }
  }
  if (all.length === 0) return { text: "", kept: 0, considered: 0 };

  // A loop, not `Math.max(...values)`: spreading a few hundred thousand terms as arguments overflows the stack.
  let top = 0;
  for (const count of frequency.values()) if (count > top) top = count;
  for (const sentence of all) {
    let sum = 0;
    for (const term of sentence.terms) sum += frequency.get(term)! / top;
    sentence.weight *= sum / Math.sqrt(sentence.terms.size);
  }

  const ranked = [...all].sort((x, y) => y.weight - x.weight || x.order - y.order);
  const chosen: Sentence[] = [];
  let used = 0;
  for (const sentence of ranked) {
    const cost = BULLET.length + sentence.text.length + (chosen.length > 0 ? 1 : 0);
    if (used + cost > maxChars) continue;
    if (chosen.some((c) => overlap(c.terms, sentence.terms) >= DUPLICATE_OVERLAP)) continue;
    chosen.push(sentence);
    used += cost;
  }

  if (chosen.length === 0) {
    // Every sentence is longer than the budget: cut the best one at a word boundary.
    const best = ranked[0]!.text;
    const room = Math.max(1, maxChars - BULLET.length - 1);
    const cut = best.slice(0, room);
    const atWord = cut.lastIndexOf(" ") > room / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
    return { text: `${BULLET}${atWord}…`, kept: 1, considered: all.length };
  }

  chosen.sort((x, y) => x.order - y.order);
  return { text: chosen.map((s) => BULLET + s.text).join("\n"), kept: chosen.length, considered: all.length };
}
