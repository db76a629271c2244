/**
 * Where a point's words end: the guideline's rule is "its first sentence (up
 * to 。！？； or the end of the bold run), without the closing punctuation".
 */

/** Sentence-ending punctuation for a point's text. */
const TERMINATORS = new Set([...'。！？；!?;']);
/** Punctuation stripped from both ends of a point's text. */
const EDGE = /^[\s，,、：:。；;！？!?．.…—]+|[\s，,、：:。；;！？!?．.…—]+$/g;

/** Offset of the first sentence terminator at or after `from`, or `limit`. */
export function sentenceEnd(text: string, from: number, limit = text.length): number {
  for (let i = from; i < limit; i++) if (TERMINATORS.has(text[i] ?? '')) return i;
  return limit;
}

/** A colon this close to a point's start closes its words: 一是教学质量方面：… */
const COLON_REACH = 8;

/** Where a point's words end: its first sentence, or an early colon that sets them off. */
export function pointEnd(text: string, from: number, limit = text.length): number {
  const stop = sentenceEnd(text, from, limit);
  for (let i = from; i < Math.min(stop, from + COLON_REACH + 1); i++) {
    if (text[i] === '：' || text[i] === ':') return i;
  }
  return stop;
}

/** Offset of the first full stop (。！？, not ；) at or after `from`, or `limit`. */
export function fullStopEnd(text: string, from: number, limit = text.length): number {
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '。' || c === '！' || c === '？' || c === '!' || c === '?') return i;
  }
  return limit;
}

/** Finds the next stop of one kind in a text in O(log n), after one native scan for all of them. */
export interface StopIndex {
  /** Offset of the first stop at or after `from` and before `limit`, or `limit`. */
  next(from: number, limit?: number): number;
}

/** Full stops (as {@link fullStopEnd}) and terminators (as {@link sentenceEnd}). */
export const FULL_STOPS = /[。！？!?]/g;
export const TERMINATOR_CHARS = /[。！？；!?;]/g;

/**
 * A {@link StopIndex} of `text` for the characters `re` (a global regex) matches: for
 * callers that look for the next stop from many places (each inline point of a paragraph
 * without full stops scanned to its end: quadratic).
 */
export function stopIndex(text: string, re: RegExp): StopIndex {
  const at: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at.push(m.index);
  return {
    next(from, limit = text.length) {
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      return lo < at.length && at[lo]! < limit ? at[lo]! : limit;
    },
  };
}

/** {@link pointEnd} with the text's terminators indexed. */
export function pointEndIn(
  text: string,
  terminators: StopIndex,
  from: number,
  limit = text.length,
): number {
  const stop = terminators.next(from, limit);
  for (let i = from; i < Math.min(stop, from + COLON_REACH + 1); i++) {
    if (text[i] === '：' || text[i] === ':') return i;
  }
  return stop;
}

/** The text between `start` and `end` with edge punctuation and whitespace removed. */
export function cleanPointText(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(EDGE, '')
    .replace(/\s+/g, (s, i, all: string) => {
      // Keep single spaces between Latin words; drop whitespace next to CJK.
      const prev = all[i - 1] ?? '';
      const next = all[i + s.length] ?? '';
      return /[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next) ? ' ' : '';
    });
}

/** True when nothing but punctuation and whitespace stands in `text` from `from` on. */
export function onlyPunctuationAfter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    if (!/[\s\p{P}\p{S}]/u.test(text[i] ?? '')) return false;
  }
  return true;
}

/** Text without whitespace, punctuation or symbols: for comparing lines and point texts. */
export function bare(s: string): string {
  return s.replace(/[\s\u3000\p{P}\p{S}]/gu, '');
}
