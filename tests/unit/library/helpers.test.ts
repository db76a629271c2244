import { describe, expect, it } from 'vitest';
import { highlightIdFromHash, highlightUrl } from '@/utils/library/highlight-link';
import { markedParts } from '@/utils/library/marked-parts';

describe('highlightUrl', () => {
  it.each([
    ['https://e.cn/a?x=1', 'h1', 'https://e.cn/a?x=1#gangmu-hl=h1'],
    ['https://e.cn/a#top', 'h 2', 'https://e.cn/a#gangmu-hl=h%202'],
  ])('%s + %s → %s', (url, id, want) => {
    expect(highlightUrl(url, id)).toBe(want);
    expect(highlightIdFromHash(new URL(want).hash)).toBe(id);
  });

  it('reads nothing from other fragments', () => {
    expect(highlightIdFromHash('#top')).toBeNull();
    expect(highlightIdFromHash('#gangmu-hl=%E0%A4%A')).toBeNull();
    expect(highlightIdFromHash('')).toBeNull();
  });
});

describe('markedParts', () => {
  it.each([
    ['推进基层治理现代化', [[2, 4]], ['推进', '[基层]', '治理现代化']],
    ['abc', [], ['abc']],
    [
      'abcdef',
      [
        [0, 2],
        [1, 3],
        [5, 9],
      ],
      ['[abc]', 'de', '[f]'],
    ],
    [
      'abc',
      [
        [2, 2],
        [-1, 1],
      ],
      ['[a]', 'bc'],
    ],
  ] as const)('%s %j', (text, spans, want) => {
    expect(markedParts(text, spans).map((p) => (p.marked ? `[${p.text}]` : p.text))).toEqual(want);
  });
});
