import type { OutlineNode } from '../lib/types.ts';

/** The number of outline points: every node, at every level. */
export function countPoints(nodes: readonly OutlineNode[]): number {
  let n = 0;
  for (const node of nodes) n += 1 + countPoints(node.children);
  return n;
}
