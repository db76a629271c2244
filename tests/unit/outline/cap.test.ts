import { describe, expect, it } from 'vitest';
import { analyzeMarkdown } from '../../../lib/index.ts';
import { capOutline, MAX_POINTS } from '../../../lib/outline/cap.ts';
import { outlineToMarkdown } from '../../../lib/export/to-markdown.ts';
import { outlineProblems } from '../../../lib/outline/validate.ts';
import type { OutlineNode } from '../../../lib/types.ts';
import { countOutline } from '../../../protocol/count-points.ts';

let at = 0;
function node(level: number, children: OutlineNode[] = []): OutlineNode {
  const block = at++;
  return {
    level,
    kind: 'lead',
    marker: null,
    text: `第${block}点`,
    key: `第${block}点`,
    children,
    source: { block, start: 0, end: 3 },
  };
}

/** A forest built in reading order: `shape[i]` children under top node i, each with `grand` children. */
function forest(shape: number[], grand = 0): OutlineNode[] {
  at = 0;
  return shape.map((n) => {
    const top = node(1);
    for (let k = 0; k < n; k++) {
      const child = node(2);
      for (let g = 0; g < grand; g++) child.children.push(node(3));
      top.children.push(child);
    }
    return top;
  });
}

describe('capOutline', () => {
  it('returns a forest within the cap as it is', () => {
    const f = forest([3, 4]);
    const out = capOutline(f, 9);
    expect(out.nodes).toBe(f);
    expect(out.more).toBe(0);
  });

  it.each([
    { name: 'a flat run', shape: [] as number[], flat: 600, max: 500 },
    { name: 'a cut inside one section', shape: [2, 300, 300], flat: 0, max: 100 },
    { name: 'a cut between sections', shape: [9, 9, 9], flat: 0, max: 20 },
    { name: 'a cut at the third level', shape: [5, 5], flat: 0, max: 14, grand: 3 },
  ])('keeps the first points of $name and counts the rest', ({ shape, flat, max, grand }) => {
    at = 0;
    const f = flat ? Array.from({ length: flat }, () => node(1)) : forest(shape, grand ?? 0);
    const total = countOutline({ nodes: f });
    const out = capOutline(f, max);
    expect(outlineProblems({ nodes: out.nodes })).toEqual([]);
    // The kept points are the first in reading order, and every point is counted once.
    const blocks: number[] = [];
    const walk = (list: OutlineNode[]) =>
      list.forEach((n) => (blocks.push(n.source.block), walk(n.children)));
    walk(out.nodes);
    expect(blocks).toEqual(Array.from({ length: max }, (_, i) => i));
    // What was cut is counted where it was cut: the shown points and the counts add up.
    expect(countOutline({ nodes: out.nodes, more: out.more })).toBe(total);
  });

  it('leaves the input forest untouched', () => {
    const f = forest([2, 300]);
    const before = JSON.stringify(f);
    capOutline(f, 10);
    expect(JSON.stringify(f)).toBe(before);
  });
});

describe('the engine on a text of thousands of points', () => {
  it('shows the first points and says how many more there are, in the outline and the Markdown', () => {
    const n = 3000;
    // A heading and a paragraph each: a long report's sections, far past the cap.
    const text = Array.from(
      { length: n },
      (_, i) => `## 第${i + 1}部分 抓好重点工作\n\n这一部分讲第${i + 1}项工作如何抓紧落实。`,
    ).join('\n\n');
    const { outline } = analyzeMarkdown(text);
    expect(countOutline({ nodes: outline.nodes })).toBeLessThanOrEqual(MAX_POINTS);
    expect(countOutline(outline)).toBe(n);
    expect(outline.more).toBe(n - outline.nodes.length);
    expect(outlineProblems(outline)).toEqual([]);
    const md = outlineToMarkdown(outline);
    expect(md).toContain(`另有 ${n - MAX_POINTS} 个要点未列出`);
    expect(md.split('\n').filter((l) => l.startsWith('- ')).length).toBe(MAX_POINTS + 1);
  });
});
