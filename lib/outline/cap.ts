/**
 * A cap on the outline's size. A reader gains nothing from 50,000 rows (a page
 * of short paragraphs, a marker storm): the outline keeps its first
 * {@link MAX_POINTS} points in reading order, and each list that was cut says
 * how many points it had beyond them (`more` on its parent node, or on the
 * outline for the top list), shown as "N more points".
 */
import type { OutlineNode } from '../types.ts';

/** Points kept at most, at every level together. */
export const MAX_POINTS = 500;

/** Nodes in a forest, descendants included (with its own stack: a tree may be deep). */
function size(nodes: readonly OutlineNode[]): number {
  let n = 0;
  const stack = [nodes];
  while (stack.length) {
    const list = stack.pop()!;
    n += list.length;
    for (const c of list) if (c.children.length) stack.push(c.children);
  }
  return n;
}

/**
 * The first `max` points of a valid forest in reading order; `more` counts
 * what the top list lost, and each cut node's `more` what its children lost.
 * A forest within the cap comes back as it is.
 */
export function capOutline(
  nodes: OutlineNode[],
  max = MAX_POINTS,
): { nodes: OutlineNode[]; more: number } {
  if (size(nodes) <= max) return { nodes, more: 0 };
  let left = max;
  // Cuts `list` to what fits in `left`, recursing into the last node kept.
  const cut = (list: OutlineNode[]): { kept: OutlineNode[]; more: number } => {
    const kept: OutlineNode[] = [];
    let k = 0;
    for (; k < list.length && left > 0; k++) {
      const n = list[k]!;
      left--;
      const inner = size(n.children);
      if (inner <= left) {
        left -= inner;
        kept.push(n);
        continue;
      }
      const sub = cut(n.children);
      kept.push({ ...n, children: sub.kept, ...(sub.more ? { more: sub.more } : {}) });
    }
    return { kept, more: size(list.slice(k)) };
  };
  const { kept, more } = cut(nodes);
  return { nodes: kept, more };
}
