import { describe, expect, it } from 'vitest';
import { analyzeMarkdown } from '@/lib/index';
import { articleTextProblem } from '@/lib/backup/is-article';
import { MAX_TEXT_BLOCKS, MAX_TEXT_CHARS, articleTextOf } from '@/lib/text/article-text';
import type { Block, OutlineNode } from '@/lib/types';

const ESSAY = [
  '# 以绣花功夫推进基层治理',
  '',
  '基层治理是国家治理的基石。推进基层治理现代化，要在以下几个方面下功夫。',
  '',
  '## 一、坚持人民至上',
  '',
  '**一是把群众满意作为标准。**要办好民生实事，把群众的急难愁盼放在心上。',
  '',
  '**二是把群众参与作为路径。**要畅通参与渠道，让群众的事由群众商量着办。',
  '',
  '- 落实河湖长制',
  '',
  '## 二、完善工作机制',
  '',
  '**一是健全网格管理。**要把网格作为发现问题、解决问题的前沿阵地。',
  '',
  '**二是推动数字赋能。**要用好大数据平台，让数据多跑路、群众少跑腿。',
  '',
  '综上所述，基层治理要久久为功。',
].join('\n');

const walk = (nodes: OutlineNode[], out: OutlineNode[] = []): OutlineNode[] => {
  for (const n of nodes) {
    out.push(n);
    walk(n.children, out);
  }
  return out;
};

describe('articleTextOf', () => {
  it('keeps each block as data: kind, heading level, bold runs; the outline anchors point into it', () => {
    const { blocks, outline } = analyzeMarkdown(ESSAY);
    const text = articleTextOf(blocks.blocks);
    expect(text.blocks).toHaveLength(blocks.blocks.length);
    expect(text.cut).toBeUndefined();
    expect(text.blocks[0]).toEqual({ kind: 'heading', text: '以绣花功夫推进基层治理', level: 1 });
    const lead = text.blocks.find((b) => b.text.startsWith('一是'))!;
    expect(lead.kind).toBe('paragraph');
    expect(lead.bold).toEqual([[0, '一是把群众满意作为标准。'.length]]);
    expect(text.blocks.find((b) => b.text === '落实河湖长制')?.kind).toBe('list-item');
    // Every node's anchor names words of the saved block it came from.
    const nodes = walk(outline.nodes);
    expect(nodes.length).toBeGreaterThanOrEqual(6);
    for (const n of nodes) {
      const block = text.blocks[n.source.block]!;
      expect(block.text.slice(n.source.start, n.source.end)).toContain(n.text.slice(0, 4));
    }
    expect(articleTextProblem(text)).toBeNull();
    expect(JSON.parse(JSON.stringify(text))).toEqual(text);
  });

  it('keeps a huge page within its bounds and counts what it cut', () => {
    const block = (text: string): Block => ({
      kind: 'paragraph',
      text,
      bold: [],
      source: { kind: 'text', offsets: new Int32Array(0) },
    });
    const many = Array.from({ length: MAX_TEXT_BLOCKS + 5 }, () => block('短段。'));
    const a = articleTextOf(many);
    expect(a.blocks).toHaveLength(MAX_TEXT_BLOCKS);
    expect(a.cut).toBe(15);
    expect(articleTextProblem(a)).toBeNull();
    // Cut as a prefix of whole blocks: a short block after the one that did not fit is cut
    // too, so saved block i stays the engine's block i.
    const big = articleTextOf([
      block('好'.repeat(MAX_TEXT_CHARS - 10)),
      block('长'.repeat(20)),
      block('短'),
    ]);
    expect(big.blocks.map((b) => b.text.length)).toEqual([MAX_TEXT_CHARS - 10]);
    expect(big.cut).toBe(21);
    expect(articleTextProblem(big)).toBeNull();
  });
});

describe('articleTextProblem', () => {
  it.each([
    [
      { blocks: [{ kind: 'paragraph', text: '' }] },
      'text.blocks[0].text must be a non-empty string',
    ],
    [
      { blocks: [{ kind: 'heading', text: 'x', level: 7 }] },
      'text.blocks[0].level must be an integer from 1 to 6',
    ],
    [
      {
        blocks: [
          {
            kind: 'paragraph',
            text: 'abc',
            bold: [
              [1, 2],
              [0, 3],
            ],
          },
        ],
      },
      'text.blocks[0].bold[1] must be a run [start, end) of the text, after the one before',
    ],
    [{ blocks: [], cut: -1 }, 'text.cut must be a non-negative integer'],
    [{ blocks: [{ kind: 'paragraph', text: 'x' }] }, null],
    [{ blocks: {} }, 'text.blocks must be an array'],
    ['<p>x</p>', 'text must be an object'],
  ])('%j: %s', (v, problem) => {
    expect(articleTextProblem(v)).toBe(problem);
  });

  it('refuses a prototype key and a text over the bound', () => {
    const proto = JSON.parse('{"blocks":[],"__proto__":{}}');
    expect(articleTextProblem(proto)).toBe('text.__proto__ is a forbidden key');
    const over = { blocks: [{ kind: 'paragraph', text: 'x'.repeat(MAX_TEXT_CHARS + 1) }] };
    expect(articleTextProblem(over)).toBe(`text must hold at most ${MAX_TEXT_CHARS} characters`);
  });
});
