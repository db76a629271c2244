/**
 * Bold runs in normalised text: raw bold ranges mapped through the
 * normaliser's offsets, then merged where Word or WeChat markup split one run
 * into several tags.
 */
import type { Span } from '../types.ts';

/**
 * What may sit between two bold tags of one run: whitespace and punctuation,
 * but not a sentence end — a plain 。 between two bold sentences shows two runs.
 */
const GLUE = /^(?:(?![。！？；.!?;])[\s\p{P}\p{S}])*$/u;
/** A run needs at least one letter or digit; a lone bold "：" is markup noise. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/** First index `i` with `offsets[i] >= raw` (offsets are non-decreasing). */
function lowerBound(offsets: Int32Array, raw: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Map flat raw ranges `[s0, e0, s1, e1, …]` to sorted, merged spans of `text`.
 *
 * @param offsets the normaliser's map: `offsets[i]` = raw offset of `text[i]`
 */
export function boldSpans(rawRanges: readonly number[], text: string, offsets: Int32Array): Span[] {
  const n = text.length;
  const mapped: [number, number][] = [];
  for (let i = 0; i + 1 < rawRanges.length; i += 2) {
    const start = lowerBound(offsets, rawRanges[i]!, n);
    const end = lowerBound(offsets, rawRanges[i + 1]!, n);
    if (end > start) mapped.push([start, end]);
  }
  mapped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of mapped) {
    const last = merged[merged.length - 1];
    if (last && (span[0] <= last[1] || GLUE.test(text.slice(last[1], span[0])))) {
      last[1] = Math.max(last[1], span[1]);
    } else {
      merged.push([span[0], span[1]]);
    }
  }
  return merged.filter(([s, e]) => HAS_WORD.test(text.slice(s, e)));
}
