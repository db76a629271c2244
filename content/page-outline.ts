/**
 * The full engine's result for the live page, with each outline point tied to
 * where it is in the DOM.
 */
import type { Analyze } from './engine.ts';
import type { ArticleText } from '../lib/model.ts';
import { articleTextOf } from '../lib/text/article-text.ts';
import type { BlockDoc, Outline, OutlineNode } from '../lib/types.ts';
import { currentIndex } from './current-section.ts';
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
  const { blocks, outline } = analyze(doc, { window: win, url });
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
  const i = currentIndex(page.targets.map(targetTop), line);
  return i >= 0 ? (page.flat[i]?.id ?? null) : null;
}
