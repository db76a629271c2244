/** The normalisers against the plain per-code-point definition, on random and chosen texts. */
import { describe, expect, it } from 'vitest';
import { rng as random } from '../backup/library-fixture.ts';
import { normalizeChar, normalizeForSearch, normalizeText } from '@/lib/search/normalize';

/** The definition: every code point normalised on its own, its output units at its offset. */
function reference(raw: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of raw) {
    const n = normalizeChar(ch);
    for (let k = 0; k < n.length; k++) offsets.push(i);
    text += n;
    i += ch.length;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

// Han, CJK punctuation (、。 kept; ，：（ folded), full-width Latin and digits, upper case,
// ligatures and ㎡ (several units out), a combining mark, astral Han, an emoji, lone surrogates.
const PIECES = [
  '基层治理',
  '、',
  '。',
  '，',
  '：',
  '（',
  '）',
  'ＧＤＰ',
  '５',
  'Abc',
  'ﬁ',
  '㎡',
  'e\u0301',
  '𠀋',
  '😀',
  '\ud800',
  '\udc00',
  ' ',
  '\n',
  '“',
  '”',
  'ß',
  'İ',
  '丽',
];

describe('search normalisation', () => {
  it('is the per-code-point definition, text and offsets, on random texts', () => {
    const r = random(3);
    for (let n = 0; n < 500; n++) {
      const raw = Array.from(
        { length: Math.floor(r() * 12) },
        () => PIECES[Math.floor(r() * PIECES.length)],
      ).join('');
      expect(normalizeForSearch(raw)).toEqual(reference(raw));
      expect(normalizeText(raw)).toBe(reference(raw).text);
    }
  });

  it('folds what it should and gives an unchanged text back as it is', () => {
    expect(normalizeText('ＧＤＰ增长５％，')).toBe('gdp增长5%,');
    expect(normalizeForSearch('ﬁ治').offsets).toEqual([0, 0, 1, 2]);
    const plain = '推进基层治理现代化、提升服务效能。';
    expect(normalizeText(plain)).toBe(plain);
    expect(normalizeText('')).toBe('');
    expect(normalizeForSearch('')).toEqual({ text: '', offsets: [0] });
  });
});
