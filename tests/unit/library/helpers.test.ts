import { describe, expect, it } from 'vitest';
import { articleHref, highlightIdFromHash, highlightUrl } from '@/protocol/highlight-link';
import { markedParts } from '@/pages/library/marked-parts';

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

describe('articleHref', () => {
  it('opens a web page at its address and a pasted article on the paste page', () => {
    const web = { id: 'https://example.com/a', url: 'https://example.com/a?x=1#top' };
    expect(articleHref(web)).toBe(web.url);
    expect(articleHref(web, 'h 1')).toBe('https://example.com/a?x=1#gangmu-hl=h%201');
    const pasted = { id: 'paste:0123456789abcdef', url: 'paste:0123456789abcdef' };
    expect(articleHref(pasted)).toBe('/paste.html?article=paste%3A0123456789abcdef');
    expect(articleHref(pasted, 'h1')).toBe(
      '/paste.html?article=paste%3A0123456789abcdef#gangmu-hl=h1',
    );
    // Not a paste id (wrong length): an ordinary address, left as it is.
    expect(articleHref({ id: 'paste:1', url: 'paste:1' })).toBe('paste:1');
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
