/**
 * Walking the live article elements into raw blocks: one block per paragraph
 * box (p, h1–h6, li, and div/section/td text), split at `<br>`, with the raw
 * ranges that are bold. Iterative and linear: one visit per node.
 */
import type { BlockKind } from '../types.ts';
import type { ArticleLocation } from './find-article.ts';
import { BLOCK_TAGS, SKIP_TAGS, isChromeElement, isUnseen } from './page-chrome.ts';
import type { ElementStyle } from './style-reader.ts';
import { CDATA_SECTION_NODE, TEXT_NODE, isElement, tagOf, walkTreeSteps } from './walk-tree.ts';
import type { Steps } from '../steps.ts';

/** A block before normalisation: raw text and bold ranges in raw offsets. */
export interface RawBlock {
  node: Element;
  tag: string;
  kind: BlockKind;
  headingLevel?: number;
  centered: boolean;
  raw: string;
  /** Flat `[start, end, start, end, …]` raw ranges of bold text, in order. */
  bold: number[];
}

/** A list/table/box whose text is more than this share link text is a link list (nav, related, ranking). */
const MAX_LINK_DENSITY = 0.5;
/** Containers that are link lists when link-heavy, even inside what Readability kept. */
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'dl', 'menu', 'table']);
/** Lines Readability dropped are rescued as title/byline lines only up to this length (a headline, a byline). */
const MAX_RESCUE_CHARS = 80;
/** Byline and source lines printed in the body (作者：…, 文丨…, 本报记者…, 来源：…). */
const BYLINE_LINE =
  /^[\s【[（(]*(作者|文[丨|｜/]|记者|本报记者|通讯员|评论员|来源|稿源|编辑|责任编辑)/;

/**
 * Paragraph breaks written into text rather than markup: a blank line, or a
 * line break followed by a full-width (U+3000) or NBSP first-line indent —
 * how pasted Word and CMS text separates paragraphs inside one `<p>`. A line
 * break followed by ASCII spaces is only source formatting.
 */
const TEXT_PARAGRAPH_BREAK = /\n[ \t\r]*\n|\n[ \t\r]*(?=[\u3000\u00a0])/g;

/** Raw offsets where the text of one box starts a new paragraph. */
export function paragraphBreaks(raw: string): number[] {
  const cuts: number[] = [];
  TEXT_PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = TEXT_PARAGRAPH_BREAK.exec(raw); m; m = TEXT_PARAGRAPH_BREAK.exec(raw)) {
    cuts.push(m.index + m[0].length);
  }
  return cuts;
}

/** Flat ranges clipped to `[from, to)` and shifted to start at 0. */
function clipRanges(ranges: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const s = Math.max(ranges[i]!, from);
    const e = Math.min(ranges[i + 1]!, to);
    if (e > s) out.push(s - from, e - from);
  }
  return out;
}

interface Frame {
  el: Element;
  bold: boolean;
  align: string | null;
  headingLevel: number;
  inListItem: boolean;
  /** The element whose direct text is being collected (nearest block box). */
  owner: Element;
  /** Inside a subtree taken whole (a rescued title/byline line). */
  free: boolean;
  /** The frame of `owner` (block attributes — heading level, alignment — are read there). */
  box: Frame | null;
}

interface Pending {
  owner: Element;
  parts: string[];
  length: number;
  bold: number[];
  frame: Frame;
}

/** Walk the article's roots into raw blocks, in document order (in steps: lib/steps.ts). */
export function* walkBlocksSteps(
  article: ArticleLocation,
  styleOf: (el: Element) => ElementStyle,
): Steps<RawBlock[]> {
  const out: RawBlock[] = [];
  for (const root of article.roots) {
    if (!hiddenAbove(root, styleOf)) yield* walkRoot(root, article, styleOf, out);
  }
  return out;
}

/**
 * True when an ancestor of `el` hides it. Readability reads a copy of the
 * page without its style sheets, so it can keep text under a hidden box.
 */
function hiddenAbove(el: Element, styleOf: (el: Element) => ElementStyle): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (SKIP_TAGS.has(tagOf(a)) || isUnseen(a) || styleOf(a).hidden) return true;
  }
  return false;
}

function* walkRoot(
  root: Element,
  article: ArticleLocation,
  styleOf: (el: Element) => ElementStyle,
  out: RawBlock[],
): Steps<void> {
  const { kept, onPath, stats } = article;
  const stack: Frame[] = [];
  let pending: Pending | null = null;
  const emittedBefore = out.length;

  const flush = () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    if (p.length === 0) return;
    const raw = p.parts.join('');
    if (!/[^\s\u00a0\u3000\u200b\ufeff]/.test(raw)) return;
    const f = p.frame;
    const kind: BlockKind =
      f.headingLevel > 0 ? 'heading' : f.inListItem ? 'list-item' : 'paragraph';
    const cuts = f.headingLevel > 0 ? [] : paragraphBreaks(raw);
    let from = 0;
    for (const to of [...cuts, raw.length]) {
      const piece = raw.slice(from, to);
      if (/[^\s\u00a0\u3000\u200b\ufeff]/.test(piece)) {
        const block: RawBlock = {
          node: p.owner,
          tag: tagOf(p.owner),
          kind,
          centered: f.align === 'center',
          raw: piece,
          bold: clipRanges(p.bold, from, to),
        };
        if (f.headingLevel > 0) block.headingLevel = f.headingLevel;
        out.push(block);
      }
      from = to;
    }
  };

  const linkHeavy = (el: Element): boolean => {
    const s = stats.get(el);
    return !!s && s.total > 0 && s.link / s.total > MAX_LINK_DENSITY;
  };

  /** A line Readability dropped that is worth keeping: a heading at the top, or a byline. */
  const rescue = (el: Element): boolean => {
    const text = (el.textContent ?? '').trim();
    if (text.length === 0 || text.length > MAX_RESCUE_CHARS || linkHeavy(el)) return false;
    if (/^h[1-6]$/.test(tagOf(el)) && out.length === emittedBefore) return true;
    return BYLINE_LINE.test(text) || (!!article.byline && text === article.byline.trim());
  };

  yield* walkTreeSteps(root, {
    enter(node) {
      if (!isElement(node)) {
        if (node.nodeType !== TEXT_NODE && node.nodeType !== CDATA_SECTION_NODE) return false;
        const top = stack[stack.length - 1];
        const data = node.nodeValue ?? '';
        if (!top || data.length === 0) return false;
        if (!pending) {
          pending = { owner: top.owner, parts: [], length: 0, bold: [], frame: top.box ?? top };
        }
        if (top.bold) pending.bold.push(pending.length, pending.length + data.length);
        pending.parts.push(data);
        pending.length += data.length;
        return false;
      }
      const el = node;
      const tag = tagOf(el);
      const parent = stack[stack.length - 1];
      if (tag === 'br') {
        if (!parent || parent.headingLevel === 0) flush();
        return false;
      }
      if (SKIP_TAGS.has(tag) || isUnseen(el)) return false;
      const style = styleOf(el);
      if (style.hidden) return false;
      let free = parent?.free ?? false;
      if (!free) {
        // Chrome that Readability let through (a root that is a menu, a ranking inside the article box).
        if (isChromeElement(el)) return false;
        if (linkHeavy(el) && (kept ? LINK_LIST_TAGS.has(tag) : tag !== 'a' && tag !== 'span')) {
          return false;
        }
        if (kept && parent && !kept.has(el) && !onPath?.has(el)) {
          if (!rescue(el)) return false;
          free = true;
        }
      }
      const isBlock = style.block ?? BLOCK_TAGS.has(tag);
      const heading = /^h([1-6])$/.exec(tag);
      if (isBlock) flush();
      const frame: Frame = {
        el,
        bold: style.bold ?? parent?.bold ?? false,
        align: style.align ?? parent?.align ?? null,
        headingLevel: heading ? Number(heading[1]) : (parent?.headingLevel ?? 0),
        inListItem: tag === 'li' || (!!parent?.inListItem && tag !== 'ul' && tag !== 'ol'),
        owner: isBlock || !parent ? el : parent.owner,
        free,
        box: null,
      };
      frame.box = isBlock || !parent ? frame : parent.box;
      stack.push(frame);
      return true;
    },
    exit(node) {
      if (!isElement(node) || stack[stack.length - 1]?.el !== node) return;
      const f = stack.pop()!;
      if (f.owner === node) flush();
    },
  });
  flush();
}
