import type { OutlineNode } from '../lib/types.ts';

/** An outline node with its place in the tree. */
export interface FlatNode {
  node: OutlineNode;
  /** Sibling indices from the root (as in lib/model.ts OutlineNodeSelector.path). */
  path: number[];
  /** `path` joined with '.', a stable key within one outline. */
  id: string;
  /** Reading-order index in the flattened list. */
  index: number;
}

/** The outline's nodes in reading order (pre-order). */
export function flattenOutline(nodes: readonly OutlineNode[]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (list: readonly OutlineNode[], prefix: number[]) => {
    list.forEach((node, i) => {
      const path = [...prefix, i];
      out.push({ node, path, id: path.join('.'), index: out.length });
      walk(node.children, path);
    });
  };
  walk(nodes, []);
  return out;
}
