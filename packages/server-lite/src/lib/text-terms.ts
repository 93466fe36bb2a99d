/**
 * @module
 * Words of a text as search and summary terms: split on anything that is not a letter or digit (and between the
 * words of camelCase identifiers), lowercased, common English stop words dropped, and a light suffix stemming
 * so that `authenticate`, `authenticated` and `authentication` are one term.
 *
 * Why it exists: search (`bm25.ts`) and summaries (`summarize.ts`) must agree on what a term is, so both
 * take their terms from here.
 */

const STOP_WORDS = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have having he her here " +
    "hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other " +
    "our ours out over own same she should so some such than that the their theirs them then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would " +
    "you your yours"
  ).split(" "),
);

/** Longest first: the first suffix that leaves a stem of at least three letters is removed. */
const SUFFIXES = ["ational", "ations", "ation", "ating", "ated", "ates", "ings", "ing", "edly", "ed", "ies", "ly", "s"];
const MIN_STEM = 3;

/** The stem of a lowercase word. Deliberately small: it only has to map a word's common forms to one term. */
export function stem(word: string): string {
  if (word.length <= MIN_STEM || /^\d+$/.test(word)) return word;
  let base = word;
  for (const suffix of SUFFIXES) {
    if (!base.endsWith(suffix) || base.length - suffix.length < MIN_STEM) continue;
    if (suffix === "s" && /(ss|us|is)$/.test(base)) break;
    base = base.slice(0, -suffix.length) + (suffix === "ies" ? "y" : "");
    break;
  }
  // `cache`, `cached` and `caching` meet at `cach`; `authenticate` at `authentic`.
  if (base.endsWith("ate") && base.length - 3 >= MIN_STEM) base = base.slice(0, -3);
  else if (base.endsWith("e") && base.length - 1 >= MIN_STEM) base = base.slice(0, -1);
  return base;
}

/** The words of a text, in order, before stop words and stemming. */
export function words(text: string): string[] {
  const split = text.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2");
  return (split.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/** The terms of a text, in order (repeated terms repeat). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}
