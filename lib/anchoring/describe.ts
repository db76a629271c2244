/**
 * `describe()` turns a stretch of a page's text into the selectors that find
 * it again: its position, its quote with the words around it, and the outline
 * node it sits in. The inverse of `anchor()`.
 */
import { nodeAtPath, type OutlineNodeSelector, type Selector } from '../model.ts';
import type { OutlineNode } from '../types.ts';
import { findNodeAt, type NodeRangeOf } from './outline-ranges.ts';

/**
 * Characters of context saved on each side of a quote. 32 CJK characters are
 * one to two clauses — enough to tell 一是坚持… from 二是坚持… by what precedes
 * and follows them, short enough that an edit nearby still leaves most of it.
 */
export const CONTEXT_LENGTH = 32;

/** The outline of the page being described, and how to find a node at an offset. */
export interface DescribeOutline {
  nodes: OutlineNode[];
  /** The path of the innermost node at a text offset, when the caller knows it directly. */
  nodeAt?: (offset: number) => number[] | null;
  /** Otherwise: the text range of each node (e.g. from `sectionRanges`), searched by `findNodeAt`. */
  rangeOf?: NodeRangeOf;
}

/** The outline-node selector of the innermost node containing `offset`, or null. */
export function describeNode(outline: DescribeOutline, offset: number): OutlineNodeSelector | null {
  let path: number[] | null = null;
  if (outline.nodeAt) path = outline.nodeAt(offset);
  else if (outline.rangeOf) path = findNodeAt(outline.nodes, offset, outline.rangeOf)?.path ?? null;
  if (!path || !path.length) return null;
  const node = nodeAtPath(outline.nodes, path);
  return node ? { kind: 'outline-node', path: [...path], key: node.key, text: node.text } : null;
}

/**
 * The selectors of `text.slice(start, end)`: a position selector, a quote
 * selector with up to {@link CONTEXT_LENGTH} characters of prefix and suffix
 * (fewer only where the text ends), and, when an outline is given, the
 * outline-node selector of the innermost node containing `start`. Offsets are
 * clamped to the text. An empty or whitespace-only stretch has nothing worth
 * anchoring: `[]`.
 */
export function describe(
  text: string,
  start: number,
  end: number,
  outline?: DescribeOutline,
): Selector[] {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  const exact = text.slice(a, b);
  if (!exact.trim()) return [];
  const selectors: Selector[] = [
    { kind: 'position', start: a, end: b },
    {
      kind: 'quote',
      exact,
      prefix: text.slice(Math.max(0, a - CONTEXT_LENGTH), a),
      suffix: text.slice(b, b + CONTEXT_LENGTH),
    },
  ];
  const node = outline ? describeNode(outline, a) : null;
  if (node) selectors.push(node);
  return selectors;
}
