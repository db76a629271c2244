/**
 * The reading frame's text (pages/reader/render-blocks.ts): one element per
 * block — paragraphs, headings by level, list items in one list — bold runs
 * as <strong>, and nothing from a page or a paste ever becomes markup.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../../lib/model.ts';
import type { Block } from '../../../lib/types.ts';
import { headingTag, renderBlocks } from '../../../pages/reader/render-blocks.ts';

const body = () => parseHTML('<!doctype html><html><body></body></html>').document.body;

/** Tag names of the body's element tree, as a compact string. */
function shape(el: Element): string {
  return [...el.children]
    .map((c) => (c.children.length ? `${c.localName}(${shape(c)})` : c.localName))
    .join(' ');
}

describe('renderBlocks', () => {
  it('renders headings as <h1>–<h6> by level, paragraphs as <p>, one element per block', () => {
    const blocks: TextBlock[] = [
      { kind: 'heading', text: '以高效能治理推进基层治理现代化', level: 1 },
      { kind: 'paragraph', text: '作者：陈思远' },
      { kind: 'heading', text: '一、坚持党建引领', level: 3 },
      { kind: 'paragraph', text: '基层是国家治理的基石。' },
      { kind: 'heading', text: '（一）健全机制', level: 6 },
    ];
    const root = body();
    const els = renderBlocks(root, blocks);
    expect(els.map((e) => e.localName)).toEqual(['h1', 'p', 'h3', 'p', 'h6']);
    expect(els.map((e) => e.textContent)).toEqual(blocks.map((b) => b.text));
    expect(shape(root)).toBe('h1 p h3 p h6');
  });

  it('falls back to <h2> for a heading without a usable level', () => {
    expect([undefined, 0, 7, 2.5, Number.NaN].map(headingTag)).toEqual([
      'h2',
      'h2',
      'h2',
      'h2',
      'h2',
    ]);
    const root = body();
    const [el] = renderBlocks(root, [{ kind: 'heading', text: '标题', level: 9 }]);
    expect(el!.localName).toBe('h2');
  });

  it('takes the engine’s blocks too (headingLevel)', () => {
    const block: Block = {
      kind: 'heading',
      text: '二、推进共建共治',
      headingLevel: 4,
      bold: [],
      source: { kind: 'text', offsets: new Int32Array(0) },
    };
    expect(renderBlocks(body(), [block])[0]!.localName).toBe('h4');
  });

  it('puts consecutive list items in one <ul>, a new one after other blocks', () => {
    const root = body();
    const els = renderBlocks(root, [
      { kind: 'list-item', text: '精简文件' },
      { kind: 'list-item', text: '规范督查' },
      { kind: 'paragraph', text: '此外。' },
      { kind: 'list-item', text: '强化共享' },
    ]);
    expect(shape(root)).toBe('ul(li li) p ul(li)');
    expect(els.map((e) => e.localName)).toEqual(['li', 'li', 'p', 'li']);
  });

  it('renders bold runs as <strong>, within the text and in order', () => {
    const root = body();
    const text = '一是坚持党的全面领导。社区党组织要团结各方。';
    const [p] = renderBlocks(root, [
      {
        kind: 'paragraph',
        text,
        bold: [
          [0, 11],
          [16, 99],
        ],
      },
    ]);
    expect([...p!.querySelectorAll('strong')].map((s) => s.textContent)).toEqual([
      '一是坚持党的全面领导。',
      text.slice(16),
    ]);
    expect(p!.textContent).toBe(text);
    // A run out of order or past the end adds nothing and loses nothing.
    const [q] = renderBlocks(body(), [
      {
        kind: 'paragraph',
        text: '短文',
        bold: [
          [1, 2],
          [0, 1],
          [5, 9],
        ],
      },
    ]);
    expect(q!.textContent).toBe('短文');
    expect(q!.querySelectorAll('strong')).toHaveLength(1);
  });

  it('never turns text into markup: tags, entities and scripts stay characters', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>标题',
      '<script>alert("x")</script>',
      '&lt;b&gt;不是粗体&lt;/b&gt;',
      '<a href="javascript:alert(1)">链接</a>',
    ];
    const root = body();
    renderBlocks(root, [
      { kind: 'heading', text: hostile[0]!, level: 1, bold: [[0, 5]] },
      { kind: 'paragraph', text: hostile[1]! },
      { kind: 'list-item', text: hostile[2]! },
      { kind: 'paragraph', text: hostile[3]!, bold: [[0, 9]] },
    ]);
    expect(root.querySelector('img, script, a, b')).toBeNull();
    expect(shape(root)).toBe('h1(strong) p ul(li) p(strong)');
    expect([...root.querySelectorAll('h1, p, li')].map((e) => e.textContent)).toEqual(hostile);
    expect(root.querySelector('h1 strong')!.textContent).toBe('<img ');
  });
});
