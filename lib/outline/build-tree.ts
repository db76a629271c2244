/**
 * Nesting: points under the nearest preceding point of a higher layer.
 * Layers are not fixed per marker: the essay's own order decides (一、 may
 * hold （一）, or 1. may hold 一、), so the tree is built with a stack of open
 * series, popped when a series continues or a stronger one begins.
 */
import type { Block, OutlineNode } from '../types.ts';
import type { Candidate } from './candidates.ts';
import { cleanPointText } from './point-text.ts';
import { continues, type InlinePoint } from './inline.ts';
import { LAST } from './markers.ts';
import { REPORT_INLINE, SECTION_FRAME } from './candidates.ts';
import { stepCounter, type Steps } from '../steps.ts';

interface Open {
  node: OutlineNode;
  family: string;
  ordinal: number;
  strength: number;
  /** A closing paragraph lead (另一类是, 最后): its point ends with its own paragraph. */
  closed: boolean;
}

/**
 * The open entry that `c` continues: for counted families the innermost one
 * whose ordinal it follows (so 3. 俞 finds 2. 蒋 beneath six nested 1.–6.),
 * else the innermost of its family; -1 when none.
 */
function openSeries(stack: Open[], c: Candidate): number {
  let nearest = -1;
  for (let k = stack.length - 1; k >= 0; k--) {
    const e = stack[k]!;
    if (e.family !== c.family) continue;
    if (nearest < 0) nearest = k;
    if (c.ordinal === 0 || c.ordinal === 1 || continues(e.ordinal, c.ordinal)) return k;
  }
  return nearest;
}

/** Numbered candidates that a later member of their family continues (第一 when 第二 follows). */
function continuedLater(cands: Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const last = new Map<string, Candidate>();
  for (const c of cands) {
    if (c.ordinal <= 0) continue;
    const prev = last.get(c.family);
    if (prev && continues(prev.ordinal, c.ordinal)) out.add(prev);
    last.set(c.family, c);
  }
  return out;
}

/** Makes the outline node of a candidate. */
function nodeOf(c: Candidate, blocks: Block[], level: number): OutlineNode {
  let text = cleanPointText(blocks[c.block]!.text, c.textStart, c.textEnd);
  if (c.joined !== undefined)
    text += cleanPointText(blocks[c.joined]!.text, 0, blocks[c.joined]!.text.length);
  return {
    level,
    kind: c.kind,
    marker: c.marker,
    text,
    key: text,
    children: [],
    source: { block: c.block, start: c.textStart, end: c.textEnd },
  };
}

function inlineNode(p: InlinePoint, block: number, text: string, level: number): OutlineNode {
  const words = cleanPointText(text, p.textStart, p.textEnd);
  return {
    level,
    kind: 'inline',
    marker: p.marker,
    text: words,
    key: words,
    children: p.children.map((c) => inlineNode(c, block, text, level + 1)),
    source: { block, start: p.textStart, end: p.textEnd },
  };
}

/**
 * Builds the tree from block-level candidates (reading order) and the inline
 * points of each block.
 */
export function* buildTree(
  blocks: Block[],
  cands: Candidate[],
  inline: Map<number, InlinePoint[]>,
): Steps<OutlineNode[]> {
  const tick = stepCounter();
  const roots: OutlineNode[] = [];
  const stack: Open[] = [];
  const byBlock = new Map(cands.map((c) => [c.block, c]));
  const later = continuedLater(cands);
  /** Nodes of numbered candidates whose series goes on after them. */
  const continued = new Set<OutlineNode>();
  const attach = (node: OutlineNode) => {
    const parent = stack[stack.length - 1]?.node;
    (parent ? parent.children : roots).push(node);
  };
  for (let b = 0; b < blocks.length; b++) {
    if (tick()) yield;
    const c = byBlock.get(b);
    let lead: OutlineNode | undefined;
    if (c) {
      const idx = openSeries(stack, c);
      // A series that starts again at 1 below a newer point is a new set of children.
      const restartBelow = idx >= 0 && c.ordinal === 1 && idx < stack.length - 1;
      if (idx >= 0 && !restartBelow) {
        stack.length = idx;
      } else if (idx < 0) {
        // A new family of unnumbered paragraph leads (看动能，… after 一是…二是…) follows the
        // leads before it as their sibling: only numbering (一、 > 1.) nests a lead in a lead.
        // A numbered series whose next member is still to come (第一 … 第二) keeps it as a child.
        const unnumbered = c.ordinal === 0 && c.kind === 'lead';
        // 引言, 结语: a section of the essay's own layer, beside its numbered sections.
        const frame = c.family === SECTION_FRAME;
        const sibling = (e: Open) =>
          unnumbered && e.strength === c.strength && !(e.ordinal > 0 && continued.has(e.node));
        while (
          stack.length &&
          (stack[stack.length - 1]!.strength < c.strength ||
            sibling(stack[stack.length - 1]!) ||
            (frame && stack[stack.length - 1]!.strength <= c.strength) ||
            (stack[stack.length - 1]!.family === SECTION_FRAME &&
              stack[stack.length - 1]!.strength <= c.strength))
        )
          stack.pop();
      }
      lead = nodeOf(c, blocks, stack.length + 1);
      if (later.has(c)) continued.add(lead);
      attach(lead);
      stack.push({
        node: lead,
        family: c.family,
        ordinal: c.ordinal,
        strength: c.strength,
        closed: c.ordinal === LAST && c.kind === 'lead',
      });
    } else {
      while (stack[stack.length - 1]?.closed) stack.pop();
    }
    const points = inline.get(b);
    if (points?.length) {
      // A reporting statement inside a paragraph (…调研。他强调，…) is a report's point like
      // one that opens its paragraph: beside the report's leads, not under them.
      if (points[0]!.family === REPORT_INLINE)
        while (stack.length && stack[stack.length - 1]!.family === 'report') stack.pop();
      const parent = lead ?? stack[stack.length - 1]?.node;
      const level = (parent?.level ?? 0) + 1;
      const text = blocks[b]!.text;
      const nodes = points.map((p) => inlineNode(p, b, text, level));
      // A loop, not push(...nodes): a paragraph may hold more points than a call has arguments.
      const into = parent ? parent.children : roots;
      for (const n of nodes) into.push(n);
    }
  }
  return roots;
}
