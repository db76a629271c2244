/**
 * The full engine's result for the live page, with each outline point tied to
 * where it is in the DOM.
 */
import type { Analyze } from './engine.ts';
import type { ArticleText } from '../lib/model.ts';
import { articleTextOf } from '../lib/text/article-text.ts';
import type { Analysis } from '../lib/index.ts';
import type { BlockDoc, Outline, OutlineNode } from '../lib/types.ts';
import { currentIndexOf } from './current-section.ts';
import { flattenOutline, type FlatNode } from './flat-outline.ts';
import { locateText, type Squeezed } from './locate-text.ts';

/** Where a point is on the page: its block's element and, when found, the range of its words. */
export interface PointTarget {
  element: Element;
  range: Range | null;
}

export interface PageOutline {
  outline: Outline;
  flat: FlatNode[];
  /** `targets[i]` belongs to `flat[i]`; null when the block has no DOM element. */
  targets: (PointTarget | null)[];
  /** The page's readable text as the library keeps it (made on first call, then kept). */
  text(): ArticleText;
  /**
   * Set when the engine gave up on the page past its budget (content/sliced.ts): the
   * seconds it worked. The outline is then empty, and the page is read and kept
   * without it.
   */
  gaveUp?: number;
}

/** What stands for the outline of a page the engine gave up on after `seconds` of work. */
export function gaveUpOutline(title: string | null, seconds: number): PageOutline {
  const outline: Outline = {
    title,
    subtitle: null,
    author: null,
    affiliation: null,
    conclusion: null,
    formulations: [],
    digest: [],
    nodes: [],
  };
  return { outline, flat: [], targets: [], text: () => ({ blocks: [] }), gaveUp: seconds };
}

/**
 * The element and word range of one outline node (null for a block not read from the DOM).
 * `cache`: the elements' squeezed texts, shared by the nodes of one outline.
 */
export function targetOf(
  blocks: BlockDoc,
  node: OutlineNode,
  cache = new Map<Element, Squeezed>(),
): PointTarget | null {
  const block = blocks.blocks[node.source.block];
  if (!block || block.source.kind !== 'dom') return null;
  const element = block.source.node;
  const words = block.text.slice(node.source.start, node.source.end) || node.text;
  return {
    element,
    range: locateText(element, words, cache) ?? locateText(element, node.text, cache),
  };
}

/** Runs the engine (`analyze`: lib's analyzeDocument) on the live document (it is not modified). */
export function outlinePage(
  doc: Document,
  win: Window,
  url: string,
  analyze: Analyze,
): PageOutline {
  return pageOutlineOf(analyze(doc, { window: win, url }));
}

/** The page's outline from the engine's result on it (each point tied to its place in the DOM). */
export function pageOutlineOf({ blocks, outline }: Analysis): PageOutline {
  const flat = flattenOutline(outline.nodes);
  const cache = new Map<Element, Squeezed>();
  let text: ArticleText | undefined;
  return {
    outline,
    flat,
    targets: flat.map((f) => targetOf(blocks, f.node, cache)),
    text: () => (text ??= articleTextOf(blocks.blocks)),
  };
}

/** The viewport top of a point: its words when located, else its element. */
export function targetTop(target: PointTarget | null): number {
  if (!target) return Number.POSITIVE_INFINITY;
  const rect = (target.range ?? target.element).getBoundingClientRect();
  return rect.top;
}

/**
 * The id of the point the reader is at: the last one whose top has passed the
 * line at `line` px from the viewport's top (null above the first point).
 */
export function currentPointId(page: PageOutline, line: number): string | null {
  const i = currentIndexOf(page.targets.length, (k) => targetTop(page.targets[k] ?? null), line);
  return i >= 0 ? (page.flat[i]?.id ?? null) : null;
}
