/**
 * `anchor()` finds a highlight again in a page's text from its selectors,
 * simplest first — position, exact quote, approximate quote — and refuses
 * rather than guesses: below a minimum score, or outside the outline node the
 * highlight was made in, the highlight is an orphan (`null`). Parallel prose
 * (一是坚持党的全面领导，切实… / 二是坚持党的全面领导，确保…) makes a wrong
 * placement far likelier than in ordinary text, and a misplaced highlight is
 * worse than a missing one.
 */
import type { OutlineNodeSelector, Selector, TextQuoteSelector } from '../model.ts';
import { exactMatches, fuzzyMatches, rankMatches, scoreAt } from './match-quote.ts';
import type { TextRange } from './text-map.ts';

/** Where a highlight was placed and how. */
export interface Anchored {
  start: number;
  end: number;
  /** 0–1: quote and context similarity of the place found. */
  score: number;
  /** `position`: the saved offsets still hold the quote; `quote`: found exactly elsewhere; `fuzzy`: found with edits. */
  method: 'position' | 'quote' | 'fuzzy';
}

/** What the caller knows of the current page beyond its text. */
export interface AnchorContext {
  /**
   * The text range of the node an outline-node selector names, in the current
   * page (see `nodeRangeLookup`), or null when that node is gone. Without it
   * the check falls back to whether the node's text is still on the page.
   */
  nodeRangeOf?: (path: number[], key: string, text: string) => TextRange | null;
}

/**
 * The minimum score to place a highlight. 0.7 accepts an exact quote with one
 * side's context intact (≈ 0.78), or with both sides lightly edited, and a
 * quote with one edit in ten whose context holds (≈ 0.94); it rejects a short
 * exact quote whose context on both sides is unrelated (0.56) — the
 * signature of a look-alike point in parallel prose.
 */
export const MIN_SCORE = 0.7;
/**
 * The score above which a match may lie outside the highlight's outline node
 * (or its node may be gone): 0.9 needs the quote and nearly all of its 32
 * characters of context on both sides to agree, which a sibling point with the
 * same opening never does; it lets a passage survive the recogniser renaming
 * or regrouping its node.
 */
export const STRUCTURE_OVERRIDE_SCORE = 0.9;

/** The node check: `undefined` when it cannot be made, `null` when the node is gone. */
function nodeRangeFor(
  text: string,
  node: OutlineNodeSelector | undefined,
  ctx: AnchorContext,
): TextRange | null | undefined {
  if (!node) return undefined;
  if (ctx.nodeRangeOf) return ctx.nodeRangeOf(node.path, node.key, node.text);
  // Pure-text fallback: the node is gone when its own words are no longer on the page.
  return node.text && !text.includes(node.text) ? null : undefined;
}

/**
 * Places a highlight in `text` from its selectors, or returns `null` (an
 * orphan). Tries, in order:
 * 1. the position selector, kept only if the text there is still the quote;
 * 2. exact occurrences of the quote, ranked by context agreement and
 *    closeness to the old position;
 * 3. approximate occurrences (edit budget proportional to the quote's length).
 * Every candidate must score at least {@link MIN_SCORE}; when the highlight has
 * an outline-node selector, a candidate whose start lies outside that node's
 * range — or any candidate, if the node is gone — must score at least
 * {@link STRUCTURE_OVERRIDE_SCORE}. Without a quote selector nothing can be
 * checked, and the result is `null`.
 */
export function anchor(
  text: string,
  selectors: Selector[],
  ctx: AnchorContext = {},
): Anchored | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.kind === 'quote');
  if (!quote || !quote.exact.length || !text.length) return null;
  const position = selectors.find((s) => s.kind === 'position');
  const node = selectors.find((s): s is OutlineNodeSelector => s.kind === 'outline-node');
  // Looked up lazily: the common case (position holds, node checked once) pays for one lookup.
  let range: TextRange | null | undefined;
  let looked = false;
  const acceptable = (m: { start: number; score: number }) => {
    if (m.score < MIN_SCORE) return false;
    // Accepted wherever it lies: no need to look the node up (nor, lazily, build the outline).
    if (m.score >= STRUCTURE_OVERRIDE_SCORE) return true;
    if (!looked) {
      range = nodeRangeFor(text, node, ctx);
      looked = true;
    }
    if (range === undefined) return true;
    const inside = range !== null && range.start <= m.start && m.start < range.end;
    return inside || m.score >= STRUCTURE_OVERRIDE_SCORE;
  };
  const hint = position?.start;

  if (position && text.slice(position.start, position.end) === quote.exact) {
    const score = scoreAt(text, quote, position.start, position.end, 0);
    const m = { start: position.start, end: position.end, score };
    if (acceptable(m)) return { ...m, method: 'position' };
  }
  // An exact occurrence with near-perfect context is taken at once. Otherwise an
  // edited copy in the right place may beat an exact look-alike elsewhere, so
  // exact and approximate candidates compete on score.
  const exact = exactMatches(text, quote, { hint });
  const best = exact[0];
  if (best && best.score >= STRUCTURE_OVERRIDE_SCORE && acceptable(best))
    return { start: best.start, end: best.end, score: best.score, method: 'quote' };
  const fuzzy = fuzzyMatches(text, quote, { hint }).filter((m) => m.errors > 0);
  const all = rankMatches([...exact, ...fuzzy], hint, text.length);
  const found = all.find(acceptable);
  if (found)
    return {
      start: found.start,
      end: found.end,
      score: found.score,
      method: found.errors ? 'fuzzy' : 'quote',
    };
  return null;
}
