/**
 * Test helpers: an outline read off plain paragraphs (一是… 二是…), with the
 * section ranges a content script would compute from DOM positions.
 */
import { sectionRanges } from '../../../lib/anchoring/outline-ranges.ts';
import type { TextRange } from '../../../lib/anchoring/text-map.ts';
import type { OutlineNode } from '../../../lib/types.ts';
import type { Spot } from './anchor-cases.ts';

/** The offset of the `occurrence`-th occurrence of `needle` in `text`. */
export function spotOffset(text: string, spot: Spot): number {
  let at = -1;
  for (let n = 0; n <= (spot.occurrence ?? 0); n++) {
    at = text.indexOf(spot.needle, at + 1);
    if (at < 0) throw new Error(`no occurrence ${n} of ${spot.needle}`);
  }
  return at;
}

const POINT = /^([一二三四五六七八九十]是)([^。；]+)/;

/**
 * Level-1 nodes for paragraphs opening with 一是/二是…: text up to the first
 * 。 or ；, key the clause after the first comma (the words that tell
 * parallel points apart), section ranges from each paragraph's start.
 */
export function paragraphOutline(text: string): {
  nodes: OutlineNode[];
  ranges: Map<string, TextRange>;
} {
  const nodes: OutlineNode[] = [];
  const starts = new Map<OutlineNode, number>();
  let offset = 0;
  text.split('\n').forEach((p, block) => {
    const m = POINT.exec(p);
    if (m) {
      const words = m[2]!;
      const comma = words.indexOf('，');
      const key = comma > 0 ? (words.slice(comma + 1).split('，')[0] ?? words) : words;
      const node: OutlineNode = {
        level: 1,
        kind: 'lead',
        marker: m[1]!,
        text: words,
        key,
        children: [],
        source: { block, start: 2, end: 2 + words.length },
      };
      nodes.push(node);
      starts.set(node, offset);
    }
    offset += p.length + 1;
  });
  const ranges = sectionRanges(nodes, (n) => starts.get(n) ?? null, text.length);
  return { nodes, ranges };
}
