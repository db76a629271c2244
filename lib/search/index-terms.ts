/**
 * Search terms for a multi-entry index (Dexie `*terms`): what a document is
 * indexed under, and what a query must match.
 *
 * Chinese has no spaces, so a document is indexed under every CJK character
 * bigram (the robust part: any query of two or more characters is found by
 * its bigrams, whatever a word segmenter made of the context) plus the words
 * of `Intl.Segmenter` three or more characters long (so a caller can rank a
 * hit on a whole word such as 时间序列 above scattered bigrams). Latin words and
 * numbers are indexed lower-cased. Single CJK characters are never terms: one
 * character (的, 是, 发) occurs in nearly every document and would make a
 * search match everything.
 */
import { normalizeForSearch, normalizeText, runsOf } from './normalize.ts';
import { MAX_TOKEN, scanText } from './scan.ts';

/** The part of `Intl.Segmenter` the indexer uses; pass a fake in tests. */
export interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }>;
}

/** The environment the default segmenter is looked up in (`globalThis.Intl`). */
export interface IntlLike {
  Segmenter?: new (locale: string, options: { granularity: 'word' }) => WordSegmenter;
}

/** Options of {@link indexTerms}. */
export interface IndexOptions {
  /**
   * Word segmenter; `null` for none (bigrams and Latin words only). Defaults
   * to a Chinese `Intl.Segmenter` where the runtime has one.
   */
  segmenter?: WordSegmenter | null;
  /** Most terms kept per document; see {@link MAX_TERMS}. */
  maxTerms?: number;
}

/**
 * Most terms indexed per document. A multi-entry index writes one index row
 * per term, so a saved article costs as many IndexedDB writes as it has
 * distinct terms. A long essay's title, outline and notes give 1,000–3,000
 * distinct bigrams; 4,096 keeps all of that while a pathological paste (a
 * whole book) stays a bounded write. Terms are kept in order of first
 * occurrence, so what is cut is the end of the longest texts, never the title
 * (index the title first).
 */
export const MAX_TERMS = 4096;

/**
 * Longest segmenter word indexed, in characters. Longer "words" are the
 * segmenter gluing unknown runs together; their bigrams are indexed anyway.
 */
const MAX_WORD = 8;

let cached: WordSegmenter | null | undefined;

/**
 * A Chinese word segmenter from `intl` (`Intl.Segmenter('zh', {granularity:
 * 'word'})`), or null when the runtime has none. The global one is created once.
 */
export function defaultSegmenter(
  intl: IntlLike | undefined = globalThis.Intl as IntlLike,
): WordSegmenter | null {
  const fromGlobal = intl === (globalThis.Intl as IntlLike | undefined);
  if (fromGlobal && cached !== undefined) return cached;
  const Seg = intl?.Segmenter;
  const seg = Seg ? new Seg('zh', { granularity: 'word' }) : null;
  if (fromGlobal) cached = seg;
  return seg;
}

/** The CJK character bigrams of a Han run (by code point, so rare characters outside the BMP count as one). */
function bigrams(run: string, out: (t: string) => void): void {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out(chars[i]! + chars[i + 1]!);
}

const ALL_HAN = /^\p{Script=Han}+$/u;

/** Terms of normalised text, Latin tokens and bigrams in order of appearance. */
function baseTerms(text: string, out: (t: string) => void): void {
  for (const r of runsOf(text)) {
    const s = text.slice(r.start, r.end);
    if (r.cls === 'han') bigrams(s, out);
    else if (s.length <= MAX_TOKEN) out(s);
  }
}

/**
 * The terms a document is indexed under: CJK bigrams, segmenter words of
 * three to {@link MAX_WORD} Han characters, lower-cased Latin words and
 * numbers (full-width folded: ５Ｇ → 5g). Deduplicated, in order of first
 * occurrence, at most `maxTerms` ({@link MAX_TERMS}).
 *
 * @param text the document's searchable text (title first, then outline, notes…)
 * @param options a segmenter (or null for none) and a cap; a bare segmenter is accepted too
 */
export function indexTerms(
  text: string,
  options: IndexOptions | WordSegmenter | null = {},
): string[] {
  const opts: IndexOptions =
    options === null
      ? { segmenter: null }
      : 'segment' in options
        ? { segmenter: options }
        : options;
  const segmenter = opts.segmenter === undefined ? defaultSegmenter() : opts.segmenter;
  const max = opts.maxTerms ?? MAX_TERMS;
  const seen = new Set<string>();
  const out: string[] = [];
  /** Adds a term; true once the cap is reached (the scan stops). */
  const add = (t: string): boolean => {
    if (out.length >= max) return true;
    if (!seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
    return out.length >= max;
  };
  scanText(text, {
    bigram: (a, b) => add(String.fromCodePoint(a, b)),
    token: add,
  });
  if (segmenter) {
    for (const piece of pieces(normalizeText(text), SEGMENT_PIECE)) {
      for (const { segment } of segmenter.segment(piece)) {
        const n = Array.from(segment).length;
        if (n >= 3 && n <= MAX_WORD && ALL_HAN.test(segment)) add(segment);
      }
      if (out.length >= max) break;
    }
  }
  return out;
}

/**
 * The longest string given to the segmenter at once: ICU's word segmenter
 * slows down sharply on one string past about 64K UTF-16 units (a 70,000
 * character article took 32 s, 60,000 took 0.35 s).
 */
const SEGMENT_PIECE = 16_384;

/** `text` in pieces of at most `max` units, cut after a line break or a full stop where one is near. */
function* pieces(text: string, max: number): Generator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + max);
    if (end < text.length) {
      const cut = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf('。', end));
      if (cut > at + max / 2) end = cut + 1;
      // Never between the halves of a surrogate pair.
      else if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    }
    yield text.slice(at, end);
    at = end;
  }
}

/**
 * The terms a query must match, all of them (AND): the query's CJK bigrams
 * and lower-cased Latin words and numbers, deduplicated. Segmenter words are
 * left out on purpose: a segmenter may cut the same characters differently
 * in a query and in a document's context, and a query term missing from the
 * index would lose the document. Every term returned is one
 * {@link indexTerms} gives any text containing the query's pieces.
 *
 * An empty array means the query has nothing searchable (empty, punctuation,
 * or a lone CJK character): callers fall back to a substring scan with
 * {@link matches} or ask for a longer query.
 */
export function queryTerms(query: string): string[] {
  return [...new Set(queryTermGroups(query).flat())];
}

/**
 * {@link queryTerms} word by word: the terms of each piece of the query (a
 * Han run of two characters or more, a Latin word or number), pieces without
 * terms left out. A piece stands in one field of a document, so a document
 * field holds all of that piece's terms.
 */
export function queryTermGroups(query: string): string[][] {
  const { text } = normalizeForSearch(query);
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const r of runsOf(text)) {
    const terms = new Set<string>();
    baseTerms(text.slice(r.start, r.end), (t) => terms.add(t));
    const key = [...terms].join(' ');
    if (terms.size > 0 && !seen.has(key)) {
      seen.add(key);
      out.push([...terms]);
    }
  }
  return out;
}
