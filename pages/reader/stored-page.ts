/**
 * A saved article's outline tied to its rendered text, without the engine:
 * the library's reader shows the outline that was stored with the article
 * (the one its highlights' outline-node selectors name), over the saved text.
 *
 * Why the stored outline rather than outlining the frame again: `text.blocks[i]`
 * is the engine's block `i` when the page was saved (lib/text/article-text.ts),
 * so each node's `source.block` names its rendered element directly; and the
 * library's first screen should not carry the engine (about 118 kB).
 */
import type { ArticleText } from '../../lib/model.ts';
import type { Block, BlockDoc, Outline, OutlineNode } from '../../lib/types.ts';
import { flattenOutline } from '../../content/flat-outline.ts';
import type { Squeezed } from '../../content/locate-text.ts';
import { targetOf, type PageOutline, type PointTarget } from '../../content/page-outline.ts';

/**
 * The page outline of a saved article: `elements[i]` is where `text.blocks[i]`
 * was rendered (pages/reader/render-blocks.ts). A node whose words are not in
 * the block its anchor names (an outline stored apart from its text, say) is
 * looked for in the first block that holds them; failing that it keeps its
 * block's element, or none.
 */
export function storedPage(
  elements: readonly Element[],
  text: ArticleText,
  outline: Outline,
): PageOutline {
  const blocks: BlockDoc = {
    format: 'html',
    hints: {},
    blocks: text.blocks.slice(0, elements.length).map((b, i): Block => ({
      kind: b.kind,
      text: b.text,
      bold: b.bold ?? [],
      source: { kind: 'dom', node: elements[i]! },
    })),
  };
  const flat = flattenOutline(outline.nodes);
  const cache = new Map<Element, Squeezed>();
  const target = (node: OutlineNode): PointTarget | null => {
    const found = targetOf(blocks, node, cache);
    if (found?.range || !node.text) return found;
    const block = blocks.blocks.findIndex((b) => b.text.includes(node.text));
    if (block < 0) return found;
    const start = blocks.blocks[block]!.text.indexOf(node.text);
    const source = { block, start, end: start + node.text.length };
    return targetOf(blocks, { ...node, source }, cache);
  };
  return { outline, flat, targets: flat.map((f) => target(f.node)), text: () => text };
}
