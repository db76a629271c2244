/**
 * The outline's invariants: levels 1..n, each child one level below its
 * parent, depth at most {@link MAX_DEPTH}; every node in reading order (a
 * depth-first walk never goes back in the text: (block, start) never
 * decreases); text and key with a visible character; a tree (no cycle, no node twice).
 * {@link outlineProblems} lists what a tree breaks; {@link enforceOutline}
 * makes any tree valid. Both walk with their own stack: a hostile tree may be
 * deeper than the call stack.
 */
import type { Outline, OutlineNode } from '../types.ts';
import { runSteps, stepCounter, type Steps } from '../steps.ts';

/** The deepest level of an outline; deeper nodes are lifted to it. */
export const MAX_DEPTH = 10;

/** No visible character: only spaces, controls and format characters (zero-width, RTL marks). */
const blank = (s: unknown) => typeof s !== 'string' || !/[^\s\p{Cc}\p{Cf}]/u.test(s);
const located = (n: OutlineNode) =>
  Number.isInteger(n.source?.block) && Number.isInteger(n.source?.start);
/** Reading order of two located nodes: negative when `a` comes first. */
const order = (a: OutlineNode, b: OutlineNode) =>
  a.source.block - b.source.block || a.source.start - b.source.start;

type Entry = [node: OutlineNode, depth: number];

/** Pushes `nodes` on a depth-first stack so that the first is popped first. */
function push(stack: Entry[], nodes: unknown, depth: number): void {
  if (!Array.isArray(nodes)) return;
  for (let k = nodes.length - 1; k >= 0; k--) stack.push([nodes[k] as OutlineNode, depth]);
}

/** Every broken invariant of the outline, one line each; empty when it is valid. */
export function outlineProblems(outline: Pick<Outline, 'nodes'>): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const stack: Entry[] = [];
  let prev: OutlineNode | undefined;
  let i = 0;
  if (!Array.isArray(outline.nodes)) out.push('nodes is not an array');
  push(stack, outline.nodes, 1);
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    const at = `node ${i++}`;
    if (typeof n !== 'object' || n === null) {
      out.push(`${at}: not a node`);
      continue;
    }
    if (seen.has(n)) {
      out.push(`${at}: met twice (a cycle or a shared node)`);
      continue;
    }
    seen.add(n);
    if (n.level !== depth) out.push(`${at}: level ${n.level} at depth ${depth}`);
    if (depth === MAX_DEPTH + 1) out.push(`${at}: deeper than ${MAX_DEPTH}`);
    if (blank(n.text)) out.push(`${at}: empty text`);
    if (blank(n.key)) out.push(`${at}: empty key`);
    if (!located(n)) out.push(`${at}: no block and start`);
    else {
      if (prev && order(n, prev) < 0)
        out.push(
          `${at}: at ${n.source.block}:${n.source.start}, before ${prev.source.block}:${prev.source.start}`,
        );
      prev = n;
    }
    if (!Array.isArray(n.children)) out.push(`${at}: children is not an array`);
    push(stack, n.children, depth + 1);
  }
  return out;
}

/**
 * A valid tree from any tree, in one depth-first pass and a rebuild: a node met
 * twice is dropped with its subtree; a node without text or place is dropped
 * and its children take its place; an empty key becomes the text; nodes out of
 * reading order are stable-sorted into it (the whole walk, not only siblings);
 * each node goes under the last node one level up, its level lowered where no
 * such node stands, and never below {@link MAX_DEPTH}. A valid tree comes back
 * equal (as new node objects); the sort runs only when the order is broken.
 */
export function enforceOutline(nodes: OutlineNode[]): OutlineNode[] {
  return runSteps(enforceOutlineSteps(nodes));
}

/** {@link enforceOutline} in steps (lib/steps.ts). */
export function* enforceOutlineSteps(nodes: OutlineNode[]): Steps<OutlineNode[]> {
  const tick = stepCounter();
  const flat: OutlineNode[] = [];
  const depths: number[] = [];
  const seen = new Set<unknown>();
  const stack: Entry[] = [];
  let sorted = true;
  push(stack, nodes, 1);
  while (stack.length) {
    if (tick()) yield;
    const [n, depth] = stack.pop()!;
    if (typeof n !== 'object' || n === null || seen.has(n)) continue;
    seen.add(n);
    const keep = !blank(n.text) && located(n);
    if (keep) {
      if (flat.length && order(n, flat[flat.length - 1]!) < 0) sorted = false;
      flat.push(n);
      depths.push(Math.min(depth, MAX_DEPTH));
    }
    push(stack, n.children, keep ? depth + 1 : depth);
  }
  const walk = flat.map((_, k) => k);
  if (!sorted) walk.sort((a, b) => order(flat[a]!, flat[b]!) || a - b);
  const roots: OutlineNode[] = [];
  /** `open[d]`: the last node placed at level d + 1. */
  const open: OutlineNode[] = [];
  for (const k of walk) {
    if (tick()) yield;
    const n = flat[k]!;
    const level = Math.min(depths[k]!, open.length + 1);
    const node: OutlineNode = { ...n, level, key: blank(n.key) ? n.text : n.key, children: [] };
    open.length = level - 1;
    (level > 1 ? open[level - 2]!.children : roots).push(node);
    open.push(node);
  }
  return roots;
}
