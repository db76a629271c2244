/**
 * Highlights placed in an article's saved text (lib/model.ts ArticleText)
 * instead of the live page: the library's reader and the full-text export
 * have the blocks, not the DOM. The same `anchor()` decides — exact quote,
 * then fuzzy, with the minimum score and the outline-node check.
 *
 * The saved blocks are normalised (lib/text/normalize.ts) while a quote
 * selector holds the page's raw text, so the quote and its context are
 * normalised the same way first, line by line, and the blocks are joined as
 * normalisation joins the lines of a paragraph: with nothing where either
 * side is CJK, else with one space (the line breaks and indentation between
 * two `<p>` of Chinese text drop out of the quote as well). A quote across
 * paragraphs is then found as it is, and so is one whose paragraph the
 * page's source wrapped. Position selectors are left out: their offsets count
 * the page's raw text, not the saved blocks, and would only mislead.
 */
import type { ArticleText, Highlight, OutlineNodeSelector, TextQuoteSelector } from '../model.ts';
import { isCjkLikeCode, normalizeText } from '../text/normalize.ts';
import type { OutlineNode } from '../types.ts';
import { anchor, type AnchorContext } from './anchor.ts';
import { nodeRangeLookup, sectionRanges } from './outline-ranges.ts';

/** A stretch `[start, end)` of one block's text. */
export interface BlockSpan {
  /** Index into `text.blocks`. */
  block: number;
  start: number;
  end: number;
}

/** A highlight found in the saved text: its stretch in each block it covers, in order (never empty). */
export interface TextPlacement {
  highlight: Highlight;
  spans: BlockSpan[];
}

/** Where each highlight lies in the saved text, and those that could not be placed. */
export interface TextPlacements {
  /** In reading order (by start, then end); a highlight's spans never cover a block's line break. */
  placed: TextPlacement[];
  /** In the order given. */
  unplaced: Highlight[];
}

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;

/** Two pieces of text as {@link joinBlocks} joins blocks: nothing between them where either side is CJK, else a space. */
const joinSep = (before: number, after: number) =>
  before < 0 || after < 0 || isCjkLikeCode(before) || isCjkLikeCode(after) ? '' : ' ';

/**
 * Raw page text normalised as the saved blocks were: each line on its own
 * (a block ends at a line break more often than not, and normalisation reads
 * a character's neighbours), the lines joined as {@link joinBlocks} joins
 * blocks — which is also how normalisation joins the lines of one paragraph.
 */
export function normalizeLikeBlocks(raw: string): string {
  let out = '';
  for (const line of raw.split(/[\n\r\u0085\u2028\u2029]/)) {
    const t = normalizeText(line).text;
    if (!t) continue;
    out += joinSep(out ? out.charCodeAt(out.length - 1) : -1, t.charCodeAt(0)) + t;
  }
  return out;
}

/**
 * A quote's context normalised like the saved blocks, with the separator
 * {@link joinBlocks} would put between it and the quote where the raw text
 * had whitespace there (normalisation trims both ends: `the quick ` +
 * `brown` would lose the space the saved text still has).
 */
function normalizeContext(raw: string, side: 'prefix' | 'suffix', quote: string): string {
  const text = normalizeLikeBlocks(raw);
  if (!text || !quote) return text;
  if (side === 'prefix') {
    const spaced = raw.length > 0 && isSpace(raw.charCodeAt(raw.length - 1));
    return spaced ? text + joinSep(text.charCodeAt(text.length - 1), quote.charCodeAt(0)) : text;
  }
  const spaced = raw.length > 0 && isSpace(raw.charCodeAt(0));
  return spaced ? joinSep(quote.charCodeAt(quote.length - 1), text.charCodeAt(0)) + text : text;
}

/** The quote selector normalised like the saved blocks, or null when nothing of it is left. */
export function normalizeQuote(q: TextQuoteSelector): TextQuoteSelector | null {
  const exact = normalizeLikeBlocks(q.exact);
  if (!exact) return null;
  return {
    kind: 'quote',
    exact,
    prefix: normalizeContext(q.prefix, 'prefix', exact),
    suffix: normalizeContext(q.suffix, 'suffix', exact),
  };
}

/**
 * The blocks' text as one string, joined as normalisation joins words across
 * a line break: nothing between two blocks where either side is CJK, else
 * one space. `starts[i]` is where block `i` begins.
 */
export function joinBlocks(text: ArticleText): { joined: string; starts: Int32Array } {
  const parts: string[] = [];
  const starts = new Int32Array(text.blocks.length);
  let at = 0;
  let prev = -1;
  text.blocks.forEach((b, i) => {
    const sep = i > 0 ? joinSep(prev, b.text.charCodeAt(0)) : '';
    parts.push(sep);
    at += sep.length;
    starts[i] = at;
    parts.push(b.text);
    at += b.text.length;
    if (b.text.length) prev = b.text.charCodeAt(b.text.length - 1);
  });
  return { joined: parts.join(''), starts };
}

/** The index of the last block starting at or before `at` (binary search; among equal starts, the last). */
function blockAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Places each highlight in the saved text (see the module comment). With the
 * stored `outline` (whose node sources point into the same blocks), the
 * outline-node check of `anchor()` uses each node's section of the text;
 * without it, only whether the node's words are still in the text. A
 * highlight that cannot be placed with confidence is unplaced: listed by the
 * caller, never put on look-alike words. Linear in the text per highlight
 * (a few scans), so 200 highlights on a 1,000,000-character text take well
 * under a second.
 */
export function placeInText(
  text: ArticleText,
  highlights: readonly Highlight[],
  outline?: { nodes: OutlineNode[] },
): TextPlacements {
  const blocks = text.blocks;
  const { joined, starts } = joinBlocks(text);

  let lookup: AnchorContext['nodeRangeOf'] | null = null;
  const ctx: AnchorContext = {};
  if (outline) {
    const nodes = outline.nodes;
    // Built on first need: a quote found with its context intact never asks.
    ctx.nodeRangeOf = (path, key, words) => {
      lookup ??= nodeRangeLookup(
        nodes,
        sectionRanges(
          nodes,
          (n) => {
            const b = blocks[n.source.block];
            return b ? starts[n.source.block]! + Math.min(n.source.start, b.text.length) : null;
          },
          joined.length,
        ),
      );
      return lookup(path, key, words);
    };
  }

  const placed: Array<TextPlacement & { start: number; end: number }> = [];
  const unplaced: Highlight[] = [];
  for (const highlight of highlights) {
    const quote = highlight.selectors.find((s): s is TextQuoteSelector => s.kind === 'quote');
    const q = quote ? normalizeQuote(quote) : null;
    const nodes = highlight.selectors.filter(
      (s): s is OutlineNodeSelector => s.kind === 'outline-node',
    );
    const found = q && blocks.length ? anchor(joined, [q, ...nodes], ctx) : null;
    if (!found) {
      unplaced.push(highlight);
      continue;
    }
    let { start, end } = found;
    // Never between the two halves of a character.
    if (start > 0 && isLow(joined.charCodeAt(start)) && isHigh(joined.charCodeAt(start - 1)))
      start--;
    if (end < joined.length && isLow(joined.charCodeAt(end)) && isHigh(joined.charCodeAt(end - 1)))
      end++;
    const spans: BlockSpan[] = [];
    for (let b = blockAt(starts, start); b < blocks.length; b++) {
      const from = starts[b]!;
      if (from >= end) break;
      const s = Math.max(start, from) - from;
      const e = Math.min(end, from + blocks[b]!.text.length) - from;
      if (e > s) spans.push({ block: b, start: s, end: e });
    }
    if (spans.length) placed.push({ highlight, spans, start, end });
    else unplaced.push(highlight);
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end);
  return { placed: placed.map(({ highlight, spans }) => ({ highlight, spans })), unplaced };
}
