import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeMarkdown, analyzeText } from '../../../lib/index.ts';
import type { Outline, OutlineNode } from '../../../lib/types.ts';
import { classCases, type ClassCase } from './classes-cases.ts';

function analyze(c: ClassCase, settings = {}): Outline {
  if (c.format === 'html')
    return analyzeDocument(parseHTML(c.input).document as unknown as Document, {}, settings)
      .outline;
  return (c.format === 'markdown' ? analyzeMarkdown : analyzeText)(c.input, settings).outline;
}

function render(nodes: OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${'  '.repeat(depth)}L${n.level} ${n.kind} ${n.marker ?? '-'} ${n.text}`);
    render(n.children, depth + 1, out);
  }
  return out;
}

describe('recognize: classes of essays', () => {
  it.each(classCases)('$name', (c) => {
    const outline = analyze(c);
    expect(render(outline.nodes)).toEqual(c.outline);
    if (c.title !== undefined) expect(outline.title).toBe(c.title);
  });
});

describe('recognize: settings', () => {
  const leads = classCases.find((c) => c.name.startsWith('set-off claim leads'))!;
  const headings = classCases.find((c) => c.name.startsWith('web page: plain <p>'))!;

  it('switches a recogniser off by name', () => {
    expect(analyze(leads).nodes).toHaveLength(3);
    expect(analyze(leads, { off: ['short-lead'] }).nodes).toHaveLength(0);
    expect(analyze(headings, { off: ['plain-heading'] }).nodes).toHaveLength(0);
  });

  it('takes a threshold override', () => {
    expect(analyze(leads, { shortLeadMax: 15 }).nodes).toHaveLength(0);
    expect(analyze(headings, { plainHeadingMax: 5 }).nodes).toHaveLength(0);
  });
});
