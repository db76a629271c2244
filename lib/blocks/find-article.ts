/**
 * Locating the article in a page: Readability on a clone, traced back to live
 * elements, checked against (and where it fails replaced by) the
 * densest-container fallback.
 */
import { Readability } from '@mozilla/readability';
import { INDEX_ATTR, cloneWithIndex, liveOf } from './clone-map.ts';
import { densestContainerSteps, visibleLength, type TextStats } from './densest-container.ts';
import { runSteps, type Steps } from '../steps.ts';
import type { ElementStyle } from './style-reader.ts';
import { bodyOf, htmlRootOf, isElement, walkTree } from './walk-tree.ts';

/** Where the article is, in live elements of the page. */
export interface ArticleLocation {
  /** Top-level article elements in document order (none for an empty page). */
  roots: Element[];
  /**
   * Live elements Readability kept, or null when the fallback chose the roots
   * (the walker then filters chrome itself with `stats`).
   */
  kept: Set<Element> | null;
  /** Kept elements and all their ancestors: wrappers Readability unwrapped still lead to kept text. */
  onPath: Set<Element> | null;
  /** Per-element text statistics from the fallback pass (link density). */
  stats: Map<Element, TextStats>;
  /** Readability's metadata, when it ran. */
  title: string | null;
  byline: string | null;
  siteName: string | null;
  method: 'readability' | 'density' | 'none';
}

/**
 * Readability's article is replaced by the fallback's when it holds less than
 * this share of the fallback's paragraph text: it then kept a teaser or a
 * single block of a short-paragraph page.
 */
const MIN_SHARE_OF_FALLBACK = 0.5;

/**
 * Readability is skipped on pages nested deeper than this: real article pages
 * nest well under 100 levels, while Readability's work grows with depth × nodes
 * (25 s at 10,000 levels) before it overflows the stack.
 */
const MAX_READABILITY_DEPTH = 400;

/**
 * Readability is skipped on pages of more shown elements than this: article pages
 * have a few thousand (the shared corpus and real pages: 1,650 at most), while on a
 * page of 50,000 paragraphs cloning it and Readability's passes took 1.3 s of a 4–6 s
 * open. The densest-container fallback finds the article there.
 */
const MAX_READABILITY_ELEMENTS = 30_000;

interface ReadabilityResult {
  content: Element;
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

/** Whether `el` lies in a shadow tree, or hosts an open shadow root (its children show through slots). */
function inShadow(el: Element, doc: Document): boolean {
  if ((el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) return true;
  const root = typeof el.getRootNode === 'function' ? el.getRootNode() : doc;
  return root !== doc;
}

/** Run Readability on an indexed clone of `doc` (never on `doc`); null when it finds nothing or throws. */
function runReadability(
  doc: Document,
): { result: ReadabilityResult; live: Element[]; texts: Map<Node, Node> } | null {
  try {
    const { clone, live, texts } = cloneWithIndex(doc);
    const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
    if (!parsed?.content) return null;
    return {
      live,
      texts,
      result: {
        content: parsed.content,
        title: parsed.title ?? null,
        byline: parsed.byline ?? null,
        siteName: parsed.siteName ?? null,
      },
    };
  } catch {
    // Deliberate: Readability recurses and overflows on pathologically deep pages;
    // the iterative fallback handles those.
    return null;
  }
}

/** Find the article of `doc` (see {@link ArticleLocation}). Never throws on odd markup. */
export function findArticle(
  doc: Document,
  styleOf: (el: Element) => ElementStyle,
): ArticleLocation {
  return runSteps(findArticleSteps(doc, styleOf));
}

/**
 * {@link findArticle} in steps (lib/steps.ts). Readability's own run is one piece:
 * it is bounded by {@link MAX_READABILITY_ELEMENTS}.
 */
export function* findArticleSteps(
  doc: Document,
  styleOf: (el: Element) => ElementStyle,
): Steps<ArticleLocation> {
  const empty: ArticleLocation = {
    roots: [],
    kept: null,
    onPath: null,
    stats: new Map(),
    title: null,
    byline: null,
    siteName: null,
    method: 'none',
  };
  if (!htmlRootOf(doc)) return empty;
  const density = yield* densestContainerSteps(doc, styleOf);
  yield;
  // Readability reads a copy, which holds no shadow root: where the densest text is
  // rendered through an open shadow root (a web component's essay), its choice is not
  // what the reader sees.
  const read =
    density.maxDepth <= MAX_READABILITY_DEPTH &&
    density.elements <= MAX_READABILITY_ELEMENTS &&
    !(density.root && inShadow(density.root, doc))
      ? runReadability(doc)
      : null;
  if (read) yield;
  const meta = {
    title: read?.result.title ?? null,
    byline: read?.result.byline ?? null,
    siteName: read?.result.siteName ?? null,
  };

  if (read) {
    const { roots, kept } = traceKept(read.result.content, read.live, read.texts);
    const keptChars = visibleLength(read.result.content.textContent ?? '');
    if (roots.length > 0 && keptChars >= density.score * MIN_SHARE_OF_FALLBACK) {
      return {
        ...meta,
        roots,
        kept,
        onPath: ancestorsOf(kept, roots),
        stats: density.stats,
        method: 'readability',
      };
    }
  }
  // No container stands out (a page of short lines only): the whole body is read, its
  // chrome filtered by the walker, rather than nothing.
  const body = density.root ?? bodyOf(doc);
  if (!body) return { ...empty, ...meta, stats: density.stats };
  return {
    ...meta,
    roots: [body],
    kept: null,
    onPath: null,
    stats: density.stats,
    method: 'density',
  };
}

/**
 * Live elements behind Readability's output (tagged elements, and the live
 * parents of its text), and the topmost tagged ones in document order.
 */
function traceKept(
  content: Element,
  live: readonly Element[],
  texts: Map<Node, Node>,
): { roots: Element[]; kept: Set<Element> } {
  const kept = new Set<Element>();
  const tops: { el: Element; index: number }[] = [];
  let depth = 0; // number of tagged ancestors of the current node
  walkTree(content, {
    enter(node) {
      if (!isElement(node)) {
        const parent = texts.get(node)?.parentElement;
        if (parent) kept.add(parent);
        return false;
      }
      const el = liveOf(node, live);
      if (el) {
        kept.add(el);
        if (depth === 0) tops.push({ el, index: Number(node.getAttribute(INDEX_ATTR)) });
        depth++;
      }
      return true;
    },
    exit(node) {
      if (isElement(node) && node.hasAttribute(INDEX_ATTR)) depth--;
    },
  });
  tops.sort((a, b) => a.index - b.index);
  const roots: Element[] = [];
  for (const { el } of tops) {
    const last = roots[roots.length - 1];
    if (last && last.contains(el)) continue;
    roots.push(el);
  }
  return { roots, kept };
}

/** `kept` plus every ancestor of a kept element up to (and including) its root. */
function ancestorsOf(kept: Set<Element>, roots: Element[]): Set<Element> {
  const out = new Set<Element>(roots);
  for (const el of kept) {
    for (let a: Element | null = el; a && !out.has(a); a = a.parentElement) out.add(a);
  }
  return out;
}
