import { describe, expect, it } from 'vitest';
import { indexTerms, MAX_TERMS, PostingBuilder } from '@/lib/search';
import { rng } from '../backup/library-fixture.ts';
import { findCases } from './search-cases.ts';

/**
 * Texts mixing what the scanner must treat alike: common and rare Han,
 * characters outside the BMP, full-width forms, ligatures and compatibility
 * characters that normalise to several, lone surrogates, emoji, punctuation,
 * over-long tokens.
 */
const PIECES = [
  '发', '展', '治', '理', '基', '层', 'Ａ', 'ｂ', '５', 'x', 'Y', ' ', '、', '，', 'ﬁ', '㍿',
  '😀', '𠀀', '𠀁', '𪚥', 'é', 'É', '\n', '1', '２', '-', '_', 'Ⅻ', '①', 'ß', 'İ', 'ǅ', '〇',
  '々', '\ud800', '\udc00', 'e\u0301', '\u00ad', 'a'.repeat(33), '时间序列', '高质量发展',
]; // prettier-ignore

function texts(count: number, seed: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + Math.floor(next() * 120);
    for (let k = 0; k < n; k++) s += PIECES[Math.floor(next() * PIECES.length)];
    out.push(s);
  }
  return [...out, ...findCases.map((c) => c.doc), ''];
}

/** The lists of `docs` built term array by term array (indexTerms), as the incremental path does. */
function expected(docs: { side: 0 | 1; doc: number; text: string; max: number }[]) {
  const lists = new Map<string, [number[], number[]]>();
  for (const d of docs)
    for (const t of indexTerms(d.text, { segmenter: null, maxTerms: d.max })) {
      let l = lists.get(t);
      if (!l) lists.set(t, (l = [[], []]));
      l[d.side].push(d.doc);
    }
  for (const l of lists.values()) for (const side of l) side.sort((a, b) => a - b);
  return lists;
}

function built(b: PostingBuilder) {
  const lists = new Map<string, [number[], number[]]>();
  for (const { term, docs } of b.lists()) {
    expect(lists.has(term)).toBe(false);
    lists.set(term, [Array.from(docs[0]), Array.from(docs[1])]);
  }
  return lists;
}

describe('PostingBuilder', () => {
  it.each([Infinity, MAX_TERMS, 40, 3, 1])(
    'gives the lists of indexTerms run over each document (cap %s)',
    (max) => {
      const docs = texts(600, 7).map((text, i) => ({
        side: (i % 3 === 0 ? 1 : 0) as 0 | 1,
        doc: i + 1,
        text,
        max,
      }));
      const b = new PostingBuilder();
      for (const d of docs) b.add(d.side, d.doc, d.text, d.max);
      const want = expected(docs);
      expect(built(b)).toEqual(want);
      expect(b.size).toBe(want.size);
    },
  );

  it('keeps the terms in order of first occurrence, and stops a document at its cap', () => {
    const b = new PostingBuilder();
    b.add(0, 1, '时间序列 5G基站', 3);
    b.add(1, 1, '基站建设，时间');
    expect([...b.lists()].map((l) => [l.term, [...l.docs[0]], [...l.docs[1]]])).toEqual([
      ['时间', [1], [1]],
      ['间序', [1], []],
      ['序列', [1], []],
      ['基站', [], [1]],
      ['站建', [], [1]],
      ['建设', [], [1]],
    ]);
  });

  it('sorts the lists when documents come out of order, and counts a repeated term once', () => {
    const b = new PostingBuilder();
    for (const doc of [5, 2, 9, 1]) b.add(0, doc, '发展发展，发展');
    const [list] = [...b.lists()];
    expect(list?.term).toBe('发展');
    expect([...list!.docs[0]]).toEqual([1, 2, 5, 9]);
    // Each list is its own buffer, not a view of a shared one (a stored view would carry it all).
    expect(list!.docs[0].byteOffset).toBe(0);
    expect(list!.docs[0].buffer.byteLength).toBe(16);
  });

  it('handles more distinct Han characters than its small bigram keys hold', () => {
    // Every CJK Unified Ideograph of the BMP and Extension A, then some of Extension B: over 32,768.
    const chars: string[] = [];
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) chars.push(String.fromCodePoint(cp));
    for (let cp = 0x3400; cp <= 0x4dbf; cp++) chars.push(String.fromCodePoint(cp));
    for (let cp = 0x20000; cp < 0x20000 + 6000; cp++) chars.push(String.fromCodePoint(cp));
    const docs = [
      { side: 0 as const, doc: 1, text: chars.join(''), max: Infinity },
      // Pairs of the last (high-numbered) characters, reversed, and a repeat of the first.
      { side: 1 as const, doc: 1, text: chars.slice(-50).reverse().join(''), max: Infinity },
      { side: 1 as const, doc: 2, text: chars.slice(0, 3).join('') + chars.slice(-2).join(''), max: Infinity },
    ]; // prettier-ignore
    const b = new PostingBuilder();
    for (const d of docs) b.add(d.side, d.doc, d.text, d.max);
    expect(built(b)).toEqual(expected(docs));
  });

  it('refuses a document number that is not a positive integer, or one added twice', () => {
    const b = new PostingBuilder();
    expect(() => b.add(0, 0, '发展')).toThrow(RangeError);
    expect(() => b.add(0, 1.5, '发展')).toThrow(RangeError);
    expect(() => b.add(0, 2 ** 31, '发展')).toThrow(RangeError);
    b.add(0, 1, '发展');
    b.add(1, 1, '发展');
    expect(() => b.add(0, 1, '治理')).toThrow(/twice/);
  });
});
