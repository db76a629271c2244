import { describe, expect, it } from 'vitest';
import {
  contextSimilarity,
  editDistance,
  exactMatches,
  fuzzyMatches,
  matchQuote,
} from '../../../lib/anchoring/match-quote.ts';
import type { TextQuoteSelector } from '../../../lib/model.ts';

const q = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({
  kind: 'quote',
  exact,
  prefix,
  suffix,
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'ab', 2],
    ['kitten', 'sitting', 3],
    ['落到实处', '落到实处', 0],
    ['落到实处', '落地实处', 1],
    ['坚持党的领导', '坚持党的全面领导', 2],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('contextSimilarity', () => {
  it('is 1 for an equal or empty saved context and falls twice as fast as the edit rate', () => {
    expect(contextSimilarity('', '任何')).toBe(1);
    expect(contextSimilarity('一二三四五六七八九十', '一二三四五六七八九十')).toBe(1);
    expect(contextSimilarity('一二三四五六七八九十', '一二三四五六七八九拾')).toBeCloseTo(0.8);
    expect(contextSimilarity('一二三四五六七八九十', '甲乙丙丁戊己庚辛壬癸')).toBe(0);
  });
});

describe('exactMatches', () => {
  it('finds every occurrence and ranks by context agreement', () => {
    const text = '甲说要落实。乙说要落实。丙说要落实。';
    const got = exactMatches(text, q('要落实', '乙说', '。丙'));
    expect(got.map((m) => m.start)).toEqual([8, 2, 14]);
    expect(got[0]!.score).toBe(1);
    expect(got[0]!.score).toBeGreaterThan(got[1]!.score);
  });

  it('breaks ties by closeness to the hint', () => {
    const text = 'xx要落实xx要落实xx要落实xx';
    expect(exactMatches(text, q('要落实', 'xx', 'xx'), { hint: 8 })[0]!.start).toBe(7);
    expect(exactMatches(text, q('要落实', 'xx', 'xx'), { hint: 14 })[0]!.start).toBe(12);
  });

  it('caps the number of scored occurrences of a very common quote', () => {
    const text = '的'.repeat(10_000);
    const got = exactMatches(text, q('的', '的的', '的的'), { hint: 5000 });
    expect(got.length).toBe(256);
    expect(Math.abs(got[0]!.start - 5000)).toBeLessThan(200);
  });
});

describe('fuzzyMatches', () => {
  const text = '前言。各地区各部门要结合实际抓好贯彻落实，重要情况及时报告。后记。';

  it('finds a quote with an edit, with exact bounds', () => {
    const got = fuzzyMatches(text, q('要结合实际抓紧贯彻落实', '各地区各部门', '，重要情况'));
    expect(got[0]).toMatchObject({ start: 9, end: 20, errors: 1 });
    expect(text.slice(got[0]!.start, got[0]!.end)).toBe('要结合实际抓好贯彻落实');
  });

  it('finds a quote with a character inserted or deleted', () => {
    expect(fuzzyMatches(text, q('要结合实际抓好好贯彻落实'))[0]).toMatchObject({
      start: 9,
      end: 20,
      errors: 1,
    });
    expect(fuzzyMatches(text, q('要结合实际好贯彻落实'))[0]).toMatchObject({
      start: 9,
      end: 20,
      errors: 1,
    });
  });

  it('gives up beyond the error budget (one edit in four)', () => {
    expect(fuzzyMatches(text, q('要结合情况抓紧推动落实'))).toEqual([]);
    expect(fuzzyMatches('', q('落实'))).toEqual([]);
  });

  it('matchQuote prefers exact matches and falls back to fuzzy ones', () => {
    expect(matchQuote(text, q('贯彻落实'))[0]).toMatchObject({ start: 16, errors: 0 });
    expect(matchQuote(text, q('贯彻落宝'))[0]).toMatchObject({ start: 16, errors: 1 });
  });
});
