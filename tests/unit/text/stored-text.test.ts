import { describe, expect, it } from 'vitest';
import { analyzeMarkdown } from '@/lib/index';
import type { ArticleText, TextBlock } from '@/lib/model';
import { articleTextOf } from '@/lib/text/article-text';
import {
  BLOCK_KINDS,
  decodeText,
  encodeText,
  isCompact,
  type CompactText,
} from '@/lib/text/stored-text';
// The bench's seeded generator (mulberry32), so a failing case can be run again.
import { prng } from '../../../bench/synthetic-essay.ts';

const ALPHABET = '基层治理是国家的石，。、“”（）abc XYZ 123\u00a0😀\ud800';

/** A random text: any kinds, levels on any block, bold runs (some lists empty), a cut or not. */
function randomText(seed: number): ArticleText {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const blocks: TextBlock[] = Array.from({ length: int(40) }, () => {
    const text = Array.from({ length: 1 + int(60) }, () => ALPHABET[int(ALPHABET.length)]).join('');
    const block: TextBlock = { kind: BLOCK_KINDS[int(3)]!, text };
    if (r() < 0.3) block.level = 1 + int(6);
    if (r() < 0.4) {
      const runs: [number, number][] = [];
      let at = 0;
      while (r() < 0.6 && at < text.length) {
        const start = at + int(text.length - at);
        const end = start + 1 + int(text.length - start);
        if (end > text.length) break;
        runs.push([start, end]);
        at = end;
      }
      block.bold = runs;
    }
    return block;
  });
  const cut = r();
  return cut < 0.3 ? { blocks, cut: int(1_000_000) } : cut < 0.35 ? { blocks, cut: 0 } : { blocks };
}

/** Encoded, then decoded, after a structured clone (what IndexedDB does to the row). */
const roundTrip = (text: ArticleText) => decodeText(structuredClone(encodeText(text)));

describe('encodeText / decodeText', () => {
  it.each([
    ['no blocks', { blocks: [] }],
    ['no blocks, a cut', { blocks: [], cut: 1200 }],
    ['a cut of 0', { blocks: [{ kind: 'paragraph', text: '一' }], cut: 0 }],
    [
      'levels, bold runs, an empty bold list, every kind',
      {
        blocks: [
          { kind: 'heading', text: '以绣花功夫推进基层治理', level: 1 },
          { kind: 'heading', text: '一、坚持人民至上', level: 6, bold: [[0, 2]] },
          {
            kind: 'paragraph',
            text: '一是把群众满意作为标准。要办好',
            bold: [
              [0, 12],
              [13, 15],
            ],
          },
          { kind: 'paragraph', text: '空的粗体表', bold: [] },
          { kind: 'list-item', text: '落实河湖长制' },
          { kind: 'paragraph', text: '有级别的段落', level: 3 },
        ],
        cut: 42,
      },
    ],
    [
      'an empty block text',
      {
        blocks: [
          { kind: 'paragraph', text: '' },
          { kind: 'heading', text: '', level: 2 },
        ],
      },
    ],
  ] as [string, ArticleText][])('%s: back exactly', (_, text) => {
    const stored = encodeText(text);
    expect(isCompact(stored)).toBe(true);
    expect(roundTrip(text)).toStrictEqual(text);
  });

  it('random texts come back exactly', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed);
      expect(isCompact(encodeText(text)), `seed ${seed}`).toBe(true);
      expect(roundTrip(text), `seed ${seed}`).toStrictEqual(text);
    }
  });

  it('a saved essay: back exactly, its blocks and bold runs in a handful of objects', () => {
    const md = [
      '# 以绣花功夫推进基层治理',
      '',
      '## 一、坚持人民至上',
      '',
      '**一是把群众满意作为标准。**要办好民生实事。',
      '',
      '- 落实河湖长制',
    ].join('\n');
    const text = articleTextOf(analyzeMarkdown(md).blocks.blocks);
    expect(text.blocks.some((b) => b.bold)).toBe(true);
    const stored = encodeText(text) as CompactText;
    expect(Object.values(stored).filter((v) => typeof v === 'object')).toHaveLength(5);
    expect(stored.chars).toBe(text.blocks.map((b) => b.text).join(''));
    expect(roundTrip(text)).toStrictEqual(text);
  });

  it('a value the arrays cannot hold: stored as it is, back exactly', () => {
    const odd: ArticleText[] = [
      { blocks: [{ kind: 'heading', text: '一', level: 300 }] },
      { blocks: [{ kind: 'heading', text: '一', level: 1.5 }] },
      { blocks: [{ kind: 'quote' as never, text: '一' }] },
      { blocks: [{ kind: 'paragraph', text: '一', bold: [[-1, 1]] }] },
    ];
    for (const text of odd) {
      expect(isCompact(encodeText(text))).toBe(false);
      expect(roundTrip(text)).toStrictEqual(text);
    }
  });
});
