import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText } from '../../../lib/index.ts';
import type { Outline, OutlineNode } from '../../../lib/types.ts';
import { PROSE, recognizeCases, type RecognizeCase } from './recognize-cases.ts';

function analyze(c: Pick<RecognizeCase, 'input' | 'format'>): Outline {
  if (c.format === 'html') {
    return analyzeDocument(parseHTML(c.input).document as unknown as Document).outline;
  }
  return analyzeText(c.input).outline;
}

/** The outline as indented lines `L<level> <kind> <marker|-> <text>`. */
function render(nodes: OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${'  '.repeat(depth)}L${n.level} ${n.kind} ${n.marker ?? '-'} ${n.text}`);
    render(n.children, depth + 1, out);
  }
  return out;
}

function* walk(nodes: OutlineNode[]): Generator<OutlineNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

describe('recognize: one device at a time', () => {
  it.each(recognizeCases)('$name', (c) => {
    const outline = analyze(c);
    expect(render(outline.nodes)).toEqual(c.outline);
    for (const n of walk(outline.nodes)) {
      // A child is one level below its parent; keys are phrases of the text.
      for (const ch of n.children) expect(ch.level).toBe(n.level + 1);
      expect(n.key.length).toBeGreaterThan(0);
      expect(n.text).not.toMatch(/[。！？；]$/);
    }
  });
});

describe('recognize: node fields', () => {
  it('points a node’s source at its block and the words of its text', () => {
    const { blocks, outline } = analyzeText(recognizeCases[0]!.input);
    const first = outline.nodes[0]!;
    const block = blocks.blocks[first.source.block]!;
    expect(block.text.slice(first.source.start, first.source.end)).toContain('文稿起草出精品');
  });

  it('gives a key that tells siblings apart', () => {
    const { outline } = analyzeText(recognizeCases[0]!.input);
    const keys = outline.nodes.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    outline.nodes.forEach((n) => expect(n.text).toContain(n.key));
  });

  it('reads the conclusion words of a marked closing paragraph', () => {
    const text = `${PROSE[0]}\n\n${PROSE[1]}\n\n综上所述，只有坚持不懈抓落实，才能推动各项工作不断取得新成效。`;
    expect(analyzeText(text).outline.conclusion).toBe('综上所述');
  });

  it('has no conclusion when the closing paragraph is not marked', () => {
    expect(analyzeText(`${PROSE[0]}\n\n${PROSE[1]}`).outline.conclusion).toBeNull();
  });

  it('reads the same outline from text and from an equivalent HTML page', () => {
    const paras = [
      PROSE[0]!,
      '一是文稿起草出精品。坚持高标准严要求，反复打磨每一篇文稿。',
      '二是信息报送求时效。建立快速反应机制，确保重要信息及时报送。',
    ];
    const fromText = analyzeText(paras.join('\n\n')).outline;
    const html = `<html><body><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const fromHtml = analyze({ input: html, format: 'html' });
    expect(render(fromHtml.nodes)).toEqual(render(fromText.nodes));
  });
});
