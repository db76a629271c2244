/**
 * Where a query matched a text, for highlighting a search result, and the
 * snippet of text to show around it.
 */
import type { Span } from '../types.ts';
import { charClass, normalizeForSearch, normalizeText, runsOf } from './normalize.ts';

/** A query piece: a Han run of two or more characters, or an alphanumeric token. */
interface Piece {
  text: string;
  han: boolean;
}

/** The searchable pieces of a query: Han runs of two or more characters and alphanumeric tokens. */
function queryPieces(query: string): Piece[] {
  const { text } = normalizeForSearch(query);
  const pieces: Piece[] = [];
  for (const r of runsOf(text)) {
    const s = text.slice(r.start, r.end);
    if (r.cls === 'han' && Array.from(s).length < 2) continue; // one character is no term
    if (!pieces.some((p) => p.text === s)) pieces.push({ text: s, han: r.cls === 'han' });
  }
  return pieces;
}

/** Every `[start, end)` where `needle` occurs in `hay` (normalised offsets). */
function occurrences(hay: string, needle: string, wholeToken: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    // A Latin or number token matches only a whole token: 5g not inside 25g.
    if (wholeToken) {
      const before = i > 0 ? String.fromCodePoint(hay.codePointAt(i - 1)!) : '';
      const after = end < hay.length ? String.fromCodePoint(hay.codePointAt(end)!) : '';
      if (charClass(before) === 'alnum' || charClass(after) === 'alnum') continue;
    }
    out.push([i, end]);
  }
  return out;
}

/** Sorts and merges overlapping or touching spans. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** Per query piece, its spans in normalised `norm` (empty when absent). */
function pieceSpans(pieces: readonly Piece[], norm: string): [number, number][][] {
  return pieces.map((p) => {
    const whole = occurrences(norm, p.text, !p.han);
    if (whole.length > 0 || !p.han) return whole;
    // The run is not in the text as written: its bigrams may still be (the index matched them).
    const chars = Array.from(p.text);
    const parts: [number, number][][] = [];
    for (let i = 0; i + 1 < chars.length; i++)
      parts.push(occurrences(norm, chars[i]! + chars[i + 1]!, false));
    return parts.every((x) => x.length > 0) ? parts.flat() : [];
  });
}

/** Whether normalised `hay` holds a piece as {@link pieceSpans} finds it: whole, or a Han run by its bigrams. */
function hasPiece(hay: string, p: Piece): boolean {
  if (!p.han) return occurrences(hay, p.text, true).length > 0;
  if (hay.includes(p.text)) return true;
  const chars = Array.from(p.text);
  for (let i = 0; i + 1 < chars.length; i++)
    if (!hay.includes(chars[i]! + chars[i + 1]!)) return false;
  return true;
}

/**
 * One query, worked out once, for the many texts a search confirms and
 * shows hits in (the fields of fifty articles and of their highlights):
 * each text is normalised once without an offset map, and the map (a number
 * per character) is built only for a text that holds a piece.
 */
export interface QueryMatcher {
  /**
   * The query's pieces (Han runs of two characters or more, Latin words). With
   * one or none, a text of several fields holds the query when one of its
   * fields has {@link spans}.
   */
  readonly pieces: number;
  /** {@link matchesAll}: the text holds every piece (no pieces: the query as a substring). */
  all(text: string): boolean;
  /** {@link matches}: raw spans of the pieces found in the text (no pieces: of the query as a substring). */
  spans(text: string): Span[];
}

/** The {@link QueryMatcher} of `query`. */
export function queryMatcher(query: string): QueryMatcher {
  const pieces = queryPieces(query);
  const q = normalizeForSearch(query).text.trim();
  return {
    pieces: pieces.length,
    all(text) {
      if (pieces.length === 0) return q.length > 0 && normalizeText(text).includes(q);
      const hay = normalizeText(text);
      return pieces.every((p) => hasPiece(hay, p));
    },
    spans(text) {
      // Most fields of a candidate hold no piece: answered without the offset map.
      const hay = normalizeText(text);
      if (pieces.length === 0) {
        if (!q || !hay.includes(q)) return [];
        const norm = normalizeForSearch(text);
        const out: Span[] = [];
        for (let i = norm.text.indexOf(q); i >= 0; i = norm.text.indexOf(q, i + q.length))
          out.push([norm.offsets[i]!, norm.offsets[i + q.length]!]);
        return out;
      }
      if (!pieces.some((p) => hasPiece(hay, p))) return [];
      const norm = normalizeForSearch(text);
      return mergeSpans(pieceSpans(pieces, norm.text).flat()).map(
        ([a, b]) => [norm.offsets[a]!, norm.offsets[b]!] as const,
      );
    },
  };
}

/**
 * Where the query's pieces occur in `text`, as sorted, merged spans of the
 * raw `text` (full-width forms and case ignored: ＧＤＰ matches gdp). A CJK
 * piece is found as written, else by its bigrams; a Latin or number piece
 * only as a whole token. Pieces that do not occur are left out, so a result
 * whose title holds one word and whose outline holds the other shows both
 * where they are; use {@link matchesAll} to test the AND condition. A query
 * of no pieces (one CJK character) is found as a substring, as
 * {@link matchesAll} finds it. For many texts, {@link queryMatcher}.
 */
export function matches(query: string, text: string): Span[] {
  return queryMatcher(query).spans(text);
}

/**
 * True when `text` holds every searchable piece of the query — the check the
 * index does with {@link queryTerms}, done on the text itself (to confirm an
 * index hit, or to scan when the query has no terms). A query with nothing
 * searchable matches by substring, ignoring case and width. For many texts,
 * {@link queryMatcher}.
 */
export function matchesAll(query: string, text: string): boolean {
  return queryMatcher(query).all(text);
}

/** A piece of text to show under a search result. */
export interface Snippet {
  /** Raw offsets of the snippet in the text. */
  start: number;
  end: number;
  text: string;
  /** The match spans inside the snippet, relative to `text`. */
  spans: Span[];
  /** Text was cut before `start` / after `end` (show an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Sentence ends a snippet may start after. */
const SENTENCE_END = /[。！？；!?;\n]/;

/**
 * The text around the first match: up to `radius` characters before it
 * (starting after a sentence end when one lies in that stretch, so a snippet
 * opens on a sentence) and up to `radius` after it, with every span that
 * falls inside. No spans: the opening of the text.
 *
 * @param spans raw spans from {@link matches}, sorted
 * @param radius characters of context each side of the first match
 */
export function snippet(text: string, spans: readonly Span[], radius = 40): Snippet {
  const first = spans[0];
  let start = first ? Math.max(0, first[0] - radius) : 0;
  if (first) {
    for (let i = first[0] - 1; i >= start; i--) {
      if (SENTENCE_END.test(text[i]!)) {
        start = i + 1;
        break;
      }
    }
  }
  let end = first ? Math.min(text.length, first[1] + radius) : Math.min(text.length, 2 * radius);
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end++;
  const inside: Span[] = [];
  for (const [a, b] of spans) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (e > s) inside.push([s - start, e - start]);
  }
  return {
    start,
    end,
    text: text.slice(start, end),
    spans: inside,
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
