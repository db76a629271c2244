import type { Outline, OutlineNode } from '../lib/types.ts';

/**
 * The number of outline points: every node, at every level, and those beyond the
 * outline's cap (`more`, lib/outline/cap.ts), which the reader is told of but not shown.
 */
export function countPoints(nodes: readonly OutlineNode[], more = 0): number {
  let n = more;
  const stack = [nodes];
  while (stack.length) {
    const list = stack.pop()!;
    n += list.length;
    for (const node of list) {
      n += node.more ?? 0;
      if (node.children.length) stack.push(node.children);
    }
  }
  return n;
}

/** {@link countPoints} of a whole outline. */
export function countOutline(outline: Pick<Outline, 'nodes' | 'more'>): number {
  return countPoints(outline.nodes, outline.more ?? 0);
}
