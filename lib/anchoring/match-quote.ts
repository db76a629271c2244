/**
 * Pure string matching of a quote selector against a page's text: every exact
 * occurrence, then approximate occurrences within an error budget, each scored
 * on the quote AND on the words around it.
 *
 * Scores are in [0, 1]. Nothing here decides whether a match is good enough;
 * `anchor.ts` holds the minimum score and the structural check.
 */
import type { TextQuoteSelector } from '../model.ts';

/** One place where a quote may lie. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and `text.slice(start, end)` (0 for an exact match). */
  errors: number;
  /** Combined quote and context similarity, 0–1. */
  score: number;
}

/** What the caller knows of where the quote was. */
export interface MatchOptions {
  /** The offset where the quote started when it was saved (a position selector). */
  hint?: number;
}

/**
 * Weights of the score. The quote itself counts most; prefix and suffix
 * count 20 each so that an exact short quote with unrelated words on both
 * sides scores 50 / 90 ≈ 0.56, below the acceptance line in anchor.ts — in
 * parallel prose the same short phrase recurs in every point, and only the
 * context tells them apart.
 */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
/**
 * The quote length up to which context weighs fully. describe() saves 32
 * characters each side; a quote longer than that is distinctive by itself, so
 * context weight falls as 32 / length (a 200-character quote found exactly
 * with a rewritten context still scores ≈ 0.89).
 */
const FULL_CONTEXT_QUOTE_LENGTH = 32;
/**
 * The error budget of the fuzzy search, per quote character: one edit in four.
 * Beyond that the words are more a different sentence than an edited one, and
 * the quote similarity (≤ 0.75) could not reach the acceptance line anyway
 * unless the context is near perfect.
 */
export const MAX_ERROR_RATE = 0.25;
/**
 * How many exact occurrences are scored, nearest the hint first. A quote
 * found more often than this is a common word, and the right one is near
 * where it was; the cap keeps a one-character quote on a long page linear.
 */
const MAX_EXACT_CANDIDATES = 256;
/**
 * Seeds of the fuzzy search: pieces of the quote looked up exactly, each one
 * scan of the page. Eight guarantee by pigeonhole that a match with up to seven
 * edits keeps an intact seed; quotes with more edits keep intact seeds in
 * practice (edits cluster), and the old position is always checked too. More
 * seeds cost a page scan each: 200 fuzzy anchors on a 100k page is 160 M
 * character steps at 8 seeds, double at 16.
 */
const MAX_SEEDS = 8;
/**
 * Occurrences allowed per seed. A seed found more often than this (a stock
 * phrase like 党的全面领导 on a long page) cannot say where the quote is, and
 * counting its hits would cost O(page) per seed; the rarer seeds and the old
 * position still find the place.
 */
const MAX_SEED_HITS = 100;
/**
 * Candidate windows checked by edit distance, best-voted first: the true place
 * gets the most seed votes, and each window costs O(length²); four leave room
 * for a few look-alikes with equal votes without making a page of them slow.
 */
const MAX_WINDOWS = 4;
/** Share of the score the closeness to the hint adds to the ranking only: it decides between equal matches, never accepts a match. */
const POSITION_TIEBREAK = 0.01;

/** Levenshtein distance of two short strings (context windows): O(|a|·|b|), two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Similarity of a saved context to the text now in its place, 0–1. It falls
 * twice as fast as the edit rate (1 − 2·edits/length): two unrelated stretches
 * of parallel prose share about half their characters by edit distance, and
 * that must count as no agreement at all, while one edit in 32 still gives 0.94.
 */
export function contextSimilarity(saved: string, now: string): number {
  if (!saved.length) return 1;
  return Math.max(0, 1 - (2 * editDistance(saved, now)) / saved.length);
}

/** The score of the quote found at `[start, end)` with `errors` edits. */
export function scoreAt(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
  errors: number,
): number {
  const m = quote.exact.length;
  const quoteSim = Math.max(0, 1 - errors / Math.max(1, m));
  const cw = CONTEXT_WEIGHT * Math.min(1, FULL_CONTEXT_QUOTE_LENGTH / Math.max(1, m));
  let total = QUOTE_WEIGHT * quoteSim;
  let weight = QUOTE_WEIGHT;
  // An empty saved context (the quote was at the start or end of the page) says nothing.
  if (quote.prefix.length) {
    const now = text.slice(Math.max(0, start - quote.prefix.length), start);
    total += cw * contextSimilarity(quote.prefix, now);
    weight += cw;
  }
  if (quote.suffix.length) {
    const now = text.slice(end, end + quote.suffix.length);
    total += cw * contextSimilarity(quote.suffix, now);
    weight += cw;
  }
  return total / weight;
}

/** Ranking key: the score, with closeness to the hint breaking near-ties. */
function rankOf(m: QuoteMatch, hint: number | undefined, length: number): number {
  if (hint === undefined) return m.score;
  return (
    m.score + POSITION_TIEBREAK * (1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, length)))
  );
}

/**
 * Sorts matches best first: by score, with closeness to `hint` (the old start)
 * deciding between near-equal scores; `length` is the text's length.
 */
export function rankMatches(
  matches: QuoteMatch[],
  hint: number | undefined,
  length: number,
): QuoteMatch[] {
  const keyed = matches.map((m) => ({ m, k: rankOf(m, hint, length) }));
  keyed.sort((a, b) => b.k - a.k || a.m.start - b.m.start);
  return keyed.map((x) => x.m);
}

/**
 * Every exact occurrence of `quote.exact` (up to {@link MAX_EXACT_CANDIDATES},
 * nearest the hint), scored by context agreement, best first.
 */
export function exactMatches(
  text: string,
  quote: TextQuoteSelector,
  options: MatchOptions = {},
): QuoteMatch[] {
  const q = quote.exact;
  if (!q.length) return [];
  const starts: number[] = [];
  for (let i = text.indexOf(q); i !== -1; i = text.indexOf(q, i + 1)) starts.push(i);
  let chosen = starts;
  if (starts.length > MAX_EXACT_CANDIDATES) {
    const hint = options.hint ?? 0;
    chosen = [...starts]
      .sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint))
      .slice(0, MAX_EXACT_CANDIDATES);
  }
  const matches = chosen.map((start) => ({
    start,
    end: start + q.length,
    errors: 0,
    score: scoreAt(text, quote, start, start + q.length, 0),
  }));
  return rankMatches(matches, options.hint, text.length);
}

/**
 * The best approximate occurrence of `pattern` in `text.slice(from, to)`:
 * semi-global edit distance (the match may start and end anywhere in the
 * window), O(|pattern| · window), abandoned as soon as every cell of a row
 * exceeds `maxErrors` (row minima never decrease).
 */
function bestInWindow(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
): { start: number; end: number; errors: number } | null {
  const w = to - from;
  const m = pattern.length;
  let dPrev = new Int32Array(w + 1); // row 0: a match may start anywhere
  let sPrev = new Int32Array(w + 1);
  let dCur = new Int32Array(w + 1);
  let sCur = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) sPrev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    dCur[0] = i;
    sCur[0] = 0;
    let rowMin = i;
    for (let j = 1; j <= w; j++) {
      let d = dPrev[j - 1]! + (pc === text.charCodeAt(from + j - 1) ? 0 : 1);
      let s = sPrev[j - 1]!;
      const up = dPrev[j]! + 1; // pattern character missing from the text
      if (up < d) {
        d = up;
        s = sPrev[j]!;
      }
      const left = dCur[j - 1]! + 1; // extra character in the text
      if (left < d) {
        d = left;
        s = sCur[j - 1]!;
      }
      dCur[j] = d;
      sCur[j] = s;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > maxErrors) return null;
    [dPrev, dCur] = [dCur, dPrev];
    [sPrev, sCur] = [sCur, sPrev];
  }
  let best = -1;
  for (let j = 0; j <= w; j++) {
    if (dPrev[j]! <= maxErrors && (best < 0 || dPrev[j]! < dPrev[best]!)) best = j;
  }
  if (best < 0) return null;
  return { start: from + sPrev[best]!, end: from + best, errors: dPrev[best]! };
}

/**
 * Approximate occurrences of `quote.exact` with at most
 * ⌈{@link MAX_ERROR_RATE} · length⌉ edits, scored on quote and context, best
 * first. Candidates come from exact seeds (pieces of the quote) voting for a
 * diagonal; only the best-voted windows are checked by edit distance, so the
 * cost is a few `indexOf` scans plus O(length²) per window, never O(page · length).
 */
export function fuzzyMatches(
  text: string,
  quote: TextQuoteSelector,
  options: MatchOptions = {},
): QuoteMatch[] {
  const q = quote.exact;
  const m = q.length;
  if (!m || !text.length) return [];
  const maxErrors = Math.ceil(m * MAX_ERROR_RATE);
  const seeds = Math.max(1, Math.min(maxErrors + 1, MAX_SEEDS, m));
  const seedLen = Math.floor(m / seeds);
  const bucket = maxErrors + 1;
  const votes = new Map<number, number>();
  const hits: number[] = [];
  for (let s = 0; s < seeds; s++) {
    const at = s * seedLen;
    const piece = q.slice(at, at + seedLen);
    hits.length = 0;
    for (let i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) {
      hits.push(i);
      if (hits.length > MAX_SEED_HITS) break;
    }
    // A seed found everywhere says nothing about where the quote is.
    if (hits.length > MAX_SEED_HITS) continue;
    for (const i of hits) {
      const b = Math.floor((i - at) / bucket);
      votes.set(b, (votes.get(b) ?? 0) + 1);
    }
  }
  const hint = options.hint;
  const near = (b: number) => (hint === undefined ? b : Math.abs(b * bucket - hint));
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || near(a[0]) - near(b[0]));
  // A window with under half the best vote count shares only stray seeds with the quote.
  const minVotes = (ranked[0]?.[1] ?? 0) / 2;
  const buckets: number[] = [];
  for (const [b, v] of ranked) {
    if (v < minVotes || buckets.length >= MAX_WINDOWS) break;
    // Each window spans three buckets: a neighbour of a chosen bucket is the same place.
    if (!buckets.some((c) => Math.abs(c - b) <= 1)) buckets.push(b);
  }
  // The old place is always worth a look: an edit in place needs no seed to find it.
  if (hint !== undefined) buckets.push(Math.floor(hint / bucket));
  const found = new Map<number, QuoteMatch>();
  for (const b of buckets) {
    // The diagonal is known to within one bucket; the match may be longer or shorter by maxErrors.
    const from = Math.max(0, b * bucket - maxErrors - bucket);
    const to = Math.min(text.length, b * bucket + 2 * bucket + m + maxErrors);
    if (to - from < 1) continue;
    const hit = bestInWindow(text, q, from, to, maxErrors);
    if (!hit || hit.end <= hit.start || found.has(hit.start)) continue;
    found.set(hit.start, { ...hit, score: scoreAt(text, quote, hit.start, hit.end, hit.errors) });
  }
  return rankMatches([...found.values()], hint, text.length);
}

/**
 * All candidate places of a quote, best first: exact occurrences when there
 * are any, else approximate ones. Scores say how good each is; the caller
 * decides what is good enough.
 */
export function matchQuote(
  text: string,
  quote: TextQuoteSelector,
  options: MatchOptions = {},
): QuoteMatch[] {
  const exact = exactMatches(text, quote, options);
  return exact.length ? exact : fuzzyMatches(text, quote, options);
}
