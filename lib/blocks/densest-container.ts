/**
 * The fallback article finder: the container that holds the most paragraph
 * text, credited Readability-style to a paragraph's container and its parents,
 * damped by link density and by chrome class names. One iterative pass.
 */
import type { ElementStyle } from './style-reader.ts';
import { BLOCK_TAGS, SKIP_TAGS, hasArticleName, isChromeElement, isUnseen } from './page-chrome.ts';
import {
  CDATA_SECTION_NODE,
  TEXT_NODE,
  isDocumentLike,
  isElement,
  tagOf,
  walkTreeSteps,
} from './walk-tree.ts';
import type { Steps } from '../steps.ts';

/** Visible non-space characters in an element's subtree, and how many of them are link text. */
export interface TextStats {
  total: number;
  link: number;
}

/** The chosen container (null when the page has no text) and per-element text statistics. */
export interface DensityResult {
  root: Element | null;
  /** Characters of paragraph text credited to the chosen root. */
  score: number;
  stats: Map<Element, TextStats>;
  /** Deepest element nesting seen (0 for an empty page). */
  maxDepth: number;
  /** Elements walked (shown ones). */
  elements: number;
}

/** A text run shorter than this (non-space chars) is a label or a menu item, not paragraph text. */
const MIN_PARAGRAPH_CHARS = 10;
/** Share of a paragraph's credit its grandparent gets (Readability's 1/2: favours the tightest wrapper). */
const GRANDPARENT_SHARE = 0.5;
/** Score factor for containers named like chrome: strong enough that a long comment thread rarely wins. */
const CHROME_FACTOR = 0.2;
/** Score factor for containers named like the article: only a tie-breaker between near-equal wrappers. */
const ARTICLE_NAME_FACTOR = 1.25;
/** Tags that are a paragraph themselves, so credit goes to their container only. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'pre']);

interface Frame {
  el: Element;
  total: number;
  link: number;
  inLink: boolean;
  chrome: boolean;
  /** Nearest block-level element (the paragraph or container the text sits in). */
  block: Element;
}

/** Count non-whitespace characters. */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && c !== 0x200b && c !== 0xfeff) n++;
  }
  return n;
}

/**
 * Find the densest text container under `top`, a document or element (see the
 * module comment), in steps (lib/steps.ts).
 */
export function* densestContainerSteps(
  top: Node,
  styleOf: (el: Element) => ElementStyle,
): Steps<DensityResult> {
  const stats = new Map<Element, TextStats>();
  const credit = new Map<Element, number>();
  const stack: Frame[] = [];
  let maxDepth = 0;
  let elements = 0;
  const add = (el: Element | null, w: number) => {
    if (el) credit.set(el, (credit.get(el) ?? 0) + w);
  };

  yield* walkTreeSteps(top, {
    enter(node) {
      if (isElement(node)) {
        const tag = tagOf(node);
        if (SKIP_TAGS.has(tag) || isUnseen(node) || styleOf(node).hidden) return false;
        const parent = stack[stack.length - 1];
        stack.push({
          el: node,
          total: 0,
          link: 0,
          inLink: (parent?.inLink ?? false) || tag === 'a',
          chrome: (parent?.chrome ?? false) || isChromeElement(node),
          block: BLOCK_TAGS.has(tag) || !parent ? node : parent.block,
        });
        if (stack.length > maxDepth) maxDepth = stack.length;
        elements++;
        return true;
      }
      if (isDocumentLike(node)) return true;
      if (node.nodeType !== TEXT_NODE && node.nodeType !== CDATA_SECTION_NODE) return false;
      const top = stack[stack.length - 1];
      if (!top) return false;
      const len = visibleLength(node.nodeValue ?? '');
      top.total += len;
      if (top.inLink) top.link += len;
      else if (len >= MIN_PARAGRAPH_CHARS && !top.chrome) {
        const b = top.block;
        if (!PARAGRAPH_TAGS.has(tagOf(b))) add(b, len);
        const p = b.parentElement;
        add(p, len);
        add(p?.parentElement ?? null, len * GRANDPARENT_SHARE);
      }
      return false;
    },
    exit(node) {
      if (!isElement(node) || stack[stack.length - 1]?.el !== node) return;
      const f = stack.pop()!;
      stats.set(node, { total: f.total, link: f.link });
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.total += f.total;
        parent.link += f.link;
      }
    },
  });

  let root: Element | null = null;
  let best = 0;
  for (const [el, raw] of credit) {
    const s = stats.get(el);
    if (!s || s.total === 0) continue;
    let score = raw * (1 - s.link / s.total);
    if (isChromeElement(el)) score *= CHROME_FACTOR;
    else if (hasArticleName(el)) score *= ARTICLE_NAME_FACTOR;
    if (score > best || (score === best && root !== null && root.contains(el))) {
      best = score;
      root = el;
    }
  }
  return { root, score: best, stats, maxDepth, elements };
}
