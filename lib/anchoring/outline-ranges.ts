/**
 * Where outline nodes lie in a page's text, for the outline-node selector:
 * which node a highlight sits in (when describing it) and where that node is
 * now (when anchoring it again).
 *
 * The engine knows nodes by block and span; only the caller (the content
 * script) knows where a block's text sits in the page's text map. So these
 * helpers take that knowledge as a function and never look at the DOM.
 */
import type { OutlineNode } from '../types.ts';
import type { TextRange } from './text-map.ts';

/** A node with its path of sibling indices from the root. */
export interface NodeAtPath {
  node: OutlineNode;
  path: number[];
}

/** Gives the text range a node covers in the current page, or null when unknown. */
export type NodeRangeOf = (node: OutlineNode, path: number[]) => TextRange | null;

/** The map key of a path: `[1, 0]` → `"1.0"`. */
export function pathKey(path: readonly number[]): string {
  return path.join('.');
}

/**
 * The innermost node whose range contains `offset` (start inclusive, end
 * exclusive), descending from the top level; nodes without a range are passed
 * over. `null` when the offset lies in no node (the intro, the page's chrome).
 */
export function findNodeAt(
  nodes: OutlineNode[],
  offset: number,
  rangeOf: NodeRangeOf,
): NodeAtPath | null {
  let found: NodeAtPath | null = null;
  let list = nodes;
  let prefix: number[] = [];
  for (;;) {
    let next: NodeAtPath | null = null;
    for (let i = 0; i < list.length; i++) {
      const path = [...prefix, i];
      const r = rangeOf(list[i]!, path);
      if (r && r.start <= offset && offset < r.end) {
        next = { node: list[i]!, path };
        break;
      }
    }
    if (!next) return found;
    found = next;
    list = next.node.children;
    prefix = next.path;
  }
}

/**
 * The section each node governs: from where its own text starts up to where
 * the next node at the same or a higher level starts (or `textEnd`). `startOf`
 * gives a node's start offset in the page text (the content script computes
 * it from the node's block element and span); a node whose start is unknown
 * gets no range and ends no section. Keys are {@link pathKey}s.
 */
export function sectionRanges(
  nodes: OutlineNode[],
  startOf: (node: OutlineNode, path: number[]) => number | null,
  textEnd: number,
): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  // Walk in reading order; `open` holds the sections not yet closed, by level.
  const open: Array<{ key: string; level: number; start: number }> = [];
  const close = (level: number, at: number) => {
    while (open.length && open[open.length - 1]!.level >= level) {
      const s = open.pop()!;
      ranges.set(s.key, { start: s.start, end: Math.max(s.start, at) });
    }
  };
  const visit = (list: OutlineNode[], prefix: number[], depth: number) => {
    list.forEach((node, i) => {
      const path = [...prefix, i];
      const start = startOf(node, path);
      if (start !== null) {
        close(depth, start);
        open.push({ key: pathKey(path), level: depth, start });
      }
      visit(node.children, path, depth + 1);
    });
  };
  visit(nodes, [], 1);
  close(0, textEnd);
  return ranges;
}

/** Characters a key must have to identify a node by itself: shorter keys (两个字) recur across sections. */
const MIN_IDENTIFYING_KEY = 4;

/**
 * Finds the node an outline-node selector names in the current outline: the
 * node at the same path when its key or text is still the same, else the one
 * node anywhere whose text is the same, else the one node whose key is the
 * same (if at least {@link MIN_IDENTIFYING_KEY} characters). Never guesses
 * between several: `null` when the node is gone or ambiguous.
 */
export function locateNode(
  nodes: OutlineNode[],
  selector: { path: readonly number[]; key: string; text: string },
): NodeAtPath | null {
  const all: NodeAtPath[] = [];
  const visit = (list: OutlineNode[], prefix: number[]) =>
    list.forEach((node, i) => {
      const path = [...prefix, i];
      all.push({ node, path });
      visit(node.children, path);
    });
  visit(nodes, []);
  const at = all.find((n) => pathKey(n.path) === pathKey(selector.path));
  if (at && (at.node.text === selector.text || (selector.key && at.node.key === selector.key)))
    return at;
  const byText = all.filter((n) => n.node.text === selector.text);
  if (byText.length === 1) return byText[0]!;
  if (byText.length > 1) return null;
  if (selector.key.length < MIN_IDENTIFYING_KEY) return null;
  const byKey = all.filter((n) => n.node.key === selector.key);
  return byKey.length === 1 ? byKey[0]! : null;
}

/**
 * Builds the `nodeRangeOf` that {@link anchor} takes from the current outline
 * and the ranges of its nodes (e.g. {@link sectionRanges}): the selector's
 * node found by {@link locateNode}, then its range; null when the node is gone.
 */
export function nodeRangeLookup(
  nodes: OutlineNode[],
  ranges: Map<string, TextRange>,
): (path: number[], key: string, text: string) => TextRange | null {
  return (path, key, text) => {
    const hit = locateNode(nodes, { path, key, text });
    return hit ? (ranges.get(pathKey(hit.path)) ?? null) : null;
  };
}
